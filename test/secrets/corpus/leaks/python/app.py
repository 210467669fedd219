import os
from openai import OpenAI
from anthropic import Anthropic

# TODO move to vault before launch
client = OpenAI(api_key="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")
claude = Anthropic(api_key='sk-ant-api03-o5EbkUbzIesGxRv07odgAy9sJBCfnCRkfOFCt8-36JHUReVXVLkrnpD_LFjjzXEU3ChNslb8WUfIqpfmflCQVMWfULvcAAA')

GROQ_KEY = os.getenv("GROQ_API_KEY", "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")


def ask(prompt: str) -> str:
    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    return r.choices[0].message.content
