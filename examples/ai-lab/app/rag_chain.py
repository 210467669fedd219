"""LangChain RAG over the runbooks: Chroma for retrieval, Claude on Bedrock for answers."""
import boto3
from langchain_aws import ChatBedrockConverse
from langchain_chroma import Chroma
from langchain_core.prompts import ChatPromptTemplate
from langchain_huggingface import HuggingFaceEmbeddings

embeddings = HuggingFaceEmbeddings(model_name="sentence-transformers/all-mpnet-base-v2")
store = Chroma(collection_name="runbooks", embedding_function=embeddings, persist_directory="/srv/chroma")
runtime = boto3.client("bedrock-runtime", region_name="us-east-1")
llm = ChatBedrockConverse(model="anthropic.claude-3-5-sonnet-20240620-v1:0", client=runtime)
prompt = ChatPromptTemplate.from_template("Context:\n{context}\n\nQuestion: {question}")


def answer(question: str) -> str:
    docs = store.similarity_search(question, k=4)
    return (prompt | llm).invoke({"context": "\n".join(d.page_content for d in docs), "question": question}).content
