# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_96

resource "aws_bedrockagent_knowledge_base" "kb" {
  name = "docs"
  storage_configuration {
    type = "RDS"
    rds_configuration {
      resource_arn = aws_rds_cluster.plain.arn
    }
  }
}

resource "aws_bedrockagent_knowledge_base" "kb2" {
  name = "docs2"
  storage_configuration {
    type = "RDS"
    rds_configuration {
      resource_arn = aws_rds_cluster.encrypted.arn
    }
  }
}

# fail
resource "aws_rds_cluster" "plain" {
  engine = "aurora-postgresql"
}

# pass
resource "aws_rds_cluster" "encrypted" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
}
