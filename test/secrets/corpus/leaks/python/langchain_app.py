from langchain_openai import ChatOpenAI, AzureChatOpenAI
from langchain_anthropic import ChatAnthropic
from langchain_together import ChatTogether

llm = ChatOpenAI(model="gpt-4o-mini", openai_api_key="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")
azure = AzureChatOpenAI(
    azure_endpoint="https://my-team.openai.azure.com/",
    api_version="2024-06-01",
    api_key="7edefc1e8cd99ca2bed2d37f78a2c4c4",
)
fallback = ChatAnthropic(model="claude-3-5-sonnet-latest", anthropic_api_key="sk-ant-api03-AampF9kgbwJ24AZSHeCiYK83UsIqZoQNU58DdCeUvgPWhAUfO9p5EkNFm2ZUotryJD49NSutbUQcxsa-PTZJpImroRCecAA")
together = ChatTogether(together_api_key="e0c2cb2fb809128cbb5411b582efe53df11f641f9b669d002553a245468a159c", model="meta-llama/Llama-3-70b-chat-hf")
