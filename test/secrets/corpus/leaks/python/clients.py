import requests
from groq import Groq
import replicate

HEADERS = {"Authorization": "Bearer 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", "Content-Type": "application/json"}
XAI = requests.Session()
XAI.headers["Authorization"] = f"Bearer xai-9PLBIJrwcTgkKmZfAz9nwcitOBGwDYYg3A3uf5zsSNko4s5BJU5uwdmKme1IZLRcryBGceFCI8JB14vI"
replicate_client = replicate.Client(api_token="r8_a7VQD72lJIDEIv5XPzOP8EvMzfAzqhZYJCAlR")
ds = OpenAI(api_key="sk-140ae39c36623f4c51eb7ab08f217a12", base_url="https://api.deepseek.com")
nim = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="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")
