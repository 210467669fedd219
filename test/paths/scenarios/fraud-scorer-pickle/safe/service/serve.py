"""Fraud scoring service: loads the model named by --model and serves /score."""
import argparse

from fastapi import FastAPI
from safetensors.torch import load_file

from .net import FraudMLP

app = FastAPI()
MODEL = FraudMLP()


@app.post("/score")
def score(features: list[float]) -> dict:
    return {"fraud": MODEL.score(features)}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True)
    p.add_argument("--port", type=int, default=8080)
    a = p.parse_args()
    MODEL.load_state_dict(load_file(a.model))
    import uvicorn
    uvicorn.run(app, host="0.0.0.0", port=a.port)


if __name__ == "__main__":
    main()
