"""Summarise support tickets with Claude."""
import anthropic

client = anthropic.Anthropic(api_key="sk-ant-api03-HW1ipPjimkUbRSRjFv3dZA1gVFvpPk5IF1CEeVBZH0AX0OzcVcQr2_s1d-Vl2NUsnuo16arKlZb0-E51WQHuSwlvukO8tAA")


def summarize(ticket: str) -> str:
    msg = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=512,
        messages=[{"role": "user", "content": f"Summarise this support ticket:\n\n{ticket}"}],
    )
    return msg.content[0].text
