"""passage lemmas for retrieval; the pipeline build that made the passages

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("passages") as batch_op:
        batch_op.add_column(sa.Column("lemmas", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("documents") as batch_op:
        batch_op.add_column(sa.Column("pipeline_fingerprint", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch_op:
        batch_op.drop_column("pipeline_fingerprint")
    with op.batch_alter_table("passages") as batch_op:
        batch_op.drop_column("lemmas")
