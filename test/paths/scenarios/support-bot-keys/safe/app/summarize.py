"""Summarise support tickets with Claude."""
import os

import anthropic

client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])


def summarize(ticket: str) -> str:
    msg = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=512,
        messages=[{"role": "user", "content": f"Summarise this support ticket:\n\n{ticket}"}],
    )
    return msg.content[0].text
