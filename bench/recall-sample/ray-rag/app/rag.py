import os

import chromadb
from sentence_transformers import SentenceTransformer
from openai import OpenAI

EMBEDDING_MODEL = os.getenv("EMBEDDING_MODEL", "sentence-transformers/all-MiniLM-L6-v2")

store = chromadb.PersistentClient(path="./index")
embedder = SentenceTransformer(EMBEDDING_MODEL)
llm = OpenAI(base_url="http://localhost:8000/v1")


def answer(q: str) -> str:
    docs = store.get_or_create_collection("docs").query(query_embeddings=[embedder.encode(q).tolist()], n_results=3)
    r = llm.chat.completions.create(model="llama-8b", messages=[{"role": "user", "content": f"{docs} {q}"}])
    return r.choices[0].message.content
