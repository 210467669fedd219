# Safe twin of app/main.py's hard-coded keys: the key comes from the environment (a secrets manager
# fills it at run time), so nothing in the repository opens the provider account: no attack path.
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
