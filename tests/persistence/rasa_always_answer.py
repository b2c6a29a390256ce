"""Run in Rasa's environment: channels.always_answer around handlers that behave like a failing Rasa,
with Rasa's own CollectingOutputChannel (what the REST channel returns). Prints what each turn sent."""

import asyncio
import json

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.always_answer import always_answering


async def answers(output, recipient):
    await output.send_response(recipient, {"text": "antwoord"})


async def answers_directly(output, recipient):
    await output.send_text_message(recipient, "direct antwoord")  # how a channel answers by itself


async def silent(output, recipient):
    return None  # Rasa after a failed action: nothing sent


async def raises(output, recipient):
    raise RuntimeError("tracker store weg")


async def slow(output, recipient):
    await asyncio.sleep(30)


async def turn(behaviour, text="welk fonds betaalt een fiets?"):
    async def on_new_message(message: UserMessage):
        return await behaviour(message.output_channel, message.sender_id)

    collector = CollectingOutputChannel()
    started = asyncio.get_running_loop().time()
    await always_answering(on_new_message, timeout=0.5)(UserMessage(text, collector, "test"))
    return {
        "texts": [m.get("text") for m in collector.messages],
        "seconds": round(asyncio.get_running_loop().time() - started, 2),
    }


async def main():
    return {
        "answers": await turn(answers),
        "answers_directly": await turn(answers_directly),
        "silent": await turn(silent),
        "raises": await turn(raises),
        "slow": await turn(slow),
        "restart": await turn(silent, "/restart"),
    }


print(json.dumps(asyncio.run(main())))
