"""patients' ratings of answers (helpful or not), naming the entries and passages rated

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answer_ratings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("answer_kind", sa.String(40), nullable=False),
        sa.Column("entry_keys", sa.Text(), nullable=False),
        sa.Column("passages", sa.Text(), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_answer_ratings_rated_on", "answer_ratings", ["rated_on"])


def downgrade() -> None:
    op.drop_index("ix_answer_ratings_rated_on", table_name="answer_ratings")
    op.drop_table("answer_ratings")
