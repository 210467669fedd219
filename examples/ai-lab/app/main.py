"""Support-ticket RAG service: retrieves from Pinecone, answers with OpenAI, falls back to Groq."""
import os

from fastapi import FastAPI
from openai import OpenAI
from pinecone import Pinecone

# FIXME(dana): temporary until the vault sidecar works
client = OpenAI(api_key="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")
pc = Pinecone(api_key=os.environ["PINECONE_API_KEY"])  # fine: read from the environment
GROQ_API_KEY = os.getenv("GROQ_API_KEY", "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")

app = FastAPI()


@app.post("/ask")
def ask(question: str) -> dict:
    hits = pc.Index("tickets").query(vector=embed(question), top_k=5, include_metadata=True)
    context = "\n".join(h.metadata["text"] for h in hits.matches)
    r = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": context}, {"role": "user", "content": question}],
    )
    return {"answer": r.choices[0].message.content}


def embed(text: str) -> list[float]:
    return client.embeddings.create(model="text-embedding-3-small", input=text).data[0].embedding
