"""Small HTTP front end: forwards to the internal ticket API (no AI here)."""
import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
TICKETS = "https://tickets.internal.example.com/api/v2"


@app.post("/ticket")
def create_ticket():
    r = requests.post(f"{TICKETS}/tickets", json=request.get_json(), timeout=10)
    return jsonify(r.json()), r.status_code


@app.get("/model")
def model_info():
    # The string below is a plain label, not a model reference.
    return jsonify({"model": "ticket-router", "pipeline": "v2"})
