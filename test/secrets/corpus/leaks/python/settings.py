from mistralai import Mistral
import cohere
import wandb

PROVIDERS = {
    "mistral": {
        "api_key": "2t2uvSowRiWPpgU9Xs9YsOUAAxuM7Gls",
        "model": "mistral-large-latest",
    },
    "cohere": {"api_key": "iEpMPMJYVTjnapWR5DApu3d8k7kEzLJTiz8sbsi4"},
}

co = cohere.ClientV2(
    api_key="RlxdfbFtsogaG24KXXrkoRFbD7PNNhsHGE4ripBM",
)

wandb.login(key="3d8bdb2e94ba899b1c8e298380d1fb6168f109ca")
