# identifiers that contain key prefixes
task_proj_ids = ["task-proj-2024", "desk-admin-panel"]
from huggingface_hub import hf_hub_download, hf_hub_url
GLUED = "myhf_BDSftkHlcPOoqGfxpFwHGOGcjcnNnnbVYe"
GLUED2 = "myghp_JhcuC0ESksBOqe6XrW0hohrTIh4PsB3J9GKf"
TAIL = "AKIA4BRED72N6BXY2MEXXYZ9"
TAIL2 = "gsk_63oLMsGhqlAur8DVs1onKV5t6eaYs3fxxoyzVznbetry2sX77Xx9XYZ9"
sk_learn_model = "sk-learn-pipeline-v2"
route = "/api/r8_proxy/status"
xai_model = "xai-grok-2-latest"
pplx_model = "pplx-70b-online"
