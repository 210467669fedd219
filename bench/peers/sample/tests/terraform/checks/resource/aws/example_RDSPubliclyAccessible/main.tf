# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_17

resource "aws_bedrockagent_knowledge_base" "kb" {
  name = "docs"
  storage_configuration {
    type = "RDS"
    rds_configuration {
      resource_arn = aws_rds_cluster.kb.arn
    }
  }
}

resource "aws_rds_cluster" "kb" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
}

# fail
resource "aws_rds_cluster_instance" "public" {
  cluster_identifier  = aws_rds_cluster.kb.id
  instance_class      = "db.serverless"
  publicly_accessible = true
}

# pass
resource "aws_rds_cluster_instance" "private" {
  cluster_identifier  = aws_rds_cluster.kb.id
  instance_class      = "db.serverless"
  publicly_accessible = false
}
