azure_openai_endpoint = "https://ai-lab.openai.azure.com/"
azure_openai_api_key  = "4796fc66405ac86236458818b2c5db32"
