"""Exploration helpers used from the research notebook."""
import boto3
import pandas as pd

BUCKET = "acme-research-training-data"


def load_split(name: str) -> pd.DataFrame:
    s3 = boto3.client("s3")
    obj = s3.get_object(Bucket=BUCKET, Key=f"splits/{name}.parquet")
    return pd.read_parquet(obj["Body"])
