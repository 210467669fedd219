import os

os.environ["LANGSMITH_TRACING"] = "true"
os.environ["LANGSMITH_API_KEY"] = "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"
os.environ.setdefault("LANGSMITH_PROJECT", "support-rag")
