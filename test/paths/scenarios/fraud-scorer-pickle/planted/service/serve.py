"""Fraud scoring service: loads the model named by --model and serves /score."""
import argparse
import pickle

from fastapi import FastAPI

app = FastAPI()
MODEL = None


@app.post("/score")
def score(features: list[float]) -> dict:
    return {"fraud": float(MODEL.predict_proba([features])[0][1])}


def main() -> None:
    global MODEL
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True)
    p.add_argument("--port", type=int, default=8080)
    a = p.parse_args()
    with open(a.model, "rb") as fh:
        MODEL = pickle.load(fh)
    import uvicorn
    uvicorn.run(app, host="0.0.0.0", port=a.port)


if __name__ == "__main__":
    main()
