"""Chat service: answers with OpenAI."""
from fastapi import FastAPI
from openai import OpenAI

# planted: a hard-coded project key
client = OpenAI(api_key="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")
app = FastAPI()


@app.post("/chat")
def chat(q: str) -> str:
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}]).choices[0].message.content
