import openai

openai.api_key = "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"
openai.organization = "org-Qx3kT0mZ1"
# older key, still active?
OPENAI_FALLBACK_KEY = "sk-ROEgYeoQ9KRAtuv6lwY3GlG5XICAe0qmDM3i9upCBF2f9rP0"
