"""`python manage.py train_safeguarding [--check]`: fit the safeguarding model from the
committed corpus (chat/safeguarding/corpus), choose its threshold on the development set
(chat/safeguarding/eval/held_out_2.jsonl), and write chat/safeguarding/detector/model.npz.

Reproducible: the same corpus and library versions give the same weights. `--check` fits
without writing and fails when the committed model was fitted from a different corpus."""

from __future__ import annotations

import json

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from chat.safeguarding.detector import corpus, training


class Command(BaseCommand):
    help = "Fit the safeguarding model from the committed corpus."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Fail if model.npz is not from this corpus."
        )
        parser.add_argument(
            "--encoder",
            choices=["wordllama", "minilm"],
            default="minilm",
            help="The sentence encoder (docs/safeguarding.md says which won, and why).",
        )

    def handle(self, *args, check: bool = False, encoder: str = "minilm", **options) -> None:
        if check:
            with np.load(training.MODEL_PATH, allow_pickle=False) as stored:
                meta = json.loads(str(stored["meta"]))
            if meta["corpus_sha256"] != corpus.fingerprint():
                raise CommandError(
                    "model.npz was fitted from another corpus: run manage.py train_safeguarding."
                )
            self.stdout.write("model.npz matches the corpus.")
            return
        trained = training.train(encoder)
        training.write_model(trained)
        meta = trained.meta
        self.stdout.write(
            f"Fitted on {meta['corpus_lines']} lines ({meta['corpus_risk_lines']} risk). "
            f"Threshold {meta['threshold']:.3f}, chosen on {meta['development_set']}: recall "
            f"{meta['dev_recall']:.1%}, false alarms {meta['dev_false_alarms']:.1%}. "
            f"Wrote {training.MODEL_PATH.name}."
        )
