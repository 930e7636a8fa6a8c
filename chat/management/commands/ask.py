"""`python manage.py ask "how much is the setting up home grant" --json`: the contract's
command. Asks as nobody in particular (no personal answer, nothing handed to a PA)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from chat.bot import services
from chat.bot.models import AskChannel


class Command(BaseCommand):
    help = "Ask the chatbot a question, as a visitor who is not signed in."

    def add_arguments(self, parser) -> None:
        parser.add_argument("question")
        parser.add_argument("--json", action="store_true", help="Print the contract's JSON.")

    def handle(self, *args, question: str, json: bool = False, **options) -> None:
        try:
            answer = services.ask(question, channel=AskChannel.COMMAND)
        except services.BadQuestion as bad:
            raise CommandError(str(bad)) from bad
        if json:
            self.stdout.write(_dumps(answer.as_contract()))
            return
        self.stdout.write(answer.answer)
        for source in answer.sources:
            self.stdout.write(f"Source: {source['title']} <{source['url']}>")
        if answer.handoff:
            self.stdout.write("(A person should answer this: it would go to their PA.)")
        if answer.safeguarding:
            self.stdout.write("(Reads as a risk: crisis contacts given, an alert raised.)")


def _dumps(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False)
