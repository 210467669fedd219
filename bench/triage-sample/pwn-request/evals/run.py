"""Runs the evaluation suite against the OpenAI API."""
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
print(client.models.list())
