"""Ingest the product docs into a persistent Chroma collection."""
from pathlib import Path

from langchain_chroma import Chroma
from langchain_community.document_loaders import DirectoryLoader
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

EMBEDDINGS = HuggingFaceEmbeddings(model_name="BAAI/bge-small-en-v1.5")


def ingest(src: Path) -> None:
    docs = DirectoryLoader(str(src), glob="**/*.md").load()
    chunks = RecursiveCharacterTextSplitter(chunk_size=800, chunk_overlap=80).split_documents(docs)
    Chroma.from_documents(chunks, EMBEDDINGS, persist_directory="./data/chroma")


if __name__ == "__main__":
    ingest(Path("docs"))
