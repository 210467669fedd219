"""Upload a benchmarked model candidate to the model bucket."""
import argparse
import json

from google.cloud import storage


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--candidate", required=True)
    p.add_argument("--bucket", required=True)
    a = p.parse_args()
    result = json.load(open(a.candidate))
    bucket_name, _, prefix = a.bucket.removeprefix("gs://").partition("/")
    blob = storage.Client().bucket(bucket_name).blob(f"{prefix}{result['name']}.safetensors")
    blob.upload_from_filename(result["weights"])


if __name__ == "__main__":
    main()
