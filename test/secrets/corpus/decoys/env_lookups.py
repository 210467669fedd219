import os

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
claude = Anthropic(api_key=os.getenv("ANTHROPIC_API_KEY"))
hf_token = os.environ.get("HF_TOKEN")
co = cohere.ClientV2(api_key=os.environ["CO_API_KEY"])
mistral = Mistral(api_key=os.environ["MISTRAL_API_KEY"])
wandb.login(key=os.environ["WANDB_API_KEY"])
