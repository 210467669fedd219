"""Answer questions over the docs (retrieval-augmented generation)."""
import os

from langchain_chroma import Chroma
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from langchain_huggingface import HuggingFaceEmbeddings

# TODO: try ChatOpenAI(model="gpt-4.1") once the budget is approved
PROMPT = ChatPromptTemplate.from_template("Answer using only this context:\n{context}\n\nQuestion: {question}")

store = Chroma(
    collection_name="docs",
    embedding_function=HuggingFaceEmbeddings(model_name="BAAI/bge-small-en-v1.5"),
    persist_directory="./data/chroma",
)
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0, api_key=os.environ["OPENAI_API_KEY"])
fallback = ChatOpenAI(model=os.environ.get("FALLBACK_MODEL", "gpt-4o"))

chain = PROMPT | llm | StrOutputParser()


def answer(question: str) -> str:
    docs = store.as_retriever(search_kwargs={"k": 4}).invoke(question)
    return chain.invoke({"context": "\n\n".join(d.page_content for d in docs), "question": question})
