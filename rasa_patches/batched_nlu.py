"""Parse the messages that wait for Rasa at the same moment in one pass of the NLU pipeline.

Rasa 3.6 parses every message on its own: one run of the model graph, and one TensorFlow call
of DIET with a batch of one. In a turn of about 18 ms of Rasa's single event loop, DIET takes
about 7 ms (py-spy on bench/rest_bench.py, 01-12), most of it the fixed cost of one
TensorFlow call, whatever the batch size. When many professionals ask at once, their messages
queue for the event loop anyway; here the messages that reach parsing within a few turns of
the loop (LOOP_TURNS_TO_GATHER) are parsed together: one graph run and one DIET call for all of
them. A message on its own (the usual case when it is quiet) is parsed as before, some
microseconds later.

Only the NLU part of the graph is run in a batch, and only when it needs no tracker (the
pipeline in config.yml needs none: every NLU node reads the messages alone). DIET predicts the
batch with Rasa's own bulk inference (RasaModel.run_inference, as `rasa test` and training use)
and each message gets its own rows of the output; from there Rasa's own DIETClassifier.process
makes the intent, ranking and entities. Should a batch fail, each of its messages is parsed on
its own again, so that only the message that caused it fails.
tests/rasa/compare_batched_nlu.py parses the NLU test set one by one and in batches through the
trained model: the same intents, rankings and entities.
"""

from __future__ import annotations

import asyncio
from typing import Any, Optional

import numpy as np
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.engine.constants import PLACEHOLDER_MESSAGE, PLACEHOLDER_TRACKER
from rasa.engine.graph import GraphSchema
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

_original_parse_message = MessageProcessor.parse_message
_original_parse_message_with_graph = MessageProcessor._parse_message_with_graph
_original_diet_process = DIETClassifier.process
_original_diet_predict = DIETClassifier._predict

# How long a message waits for others: this many turns of the event loop. When Rasa is idle a
# turn takes microseconds (16 turns about 10 µs); when it is busy, each turn lets the other
# conversations reach parsing too. Measured with bench/rest_bench.py (01-12, 20 conversations
# at once): 0 turns gave batches of one, 3 of up to 4, 8 of up to 9, 16 of up to 18 messages,
# with Rasa's CPU per knowledge turn 16.7, 13.3, 8.0 and 7.3 ms.
LOOP_TURNS_TO_GATHER = 16

# Parsed in a batch, waiting to be picked up by Rasa's own parse_message (keyed by id(message)).
_parsed: dict[int, Message] = {}
stats = {"batches": 0, "messages": 0, "largest": 0, "retried": 0, "diet_batches": 0}


def nlu_needs_no_tracker(schema: GraphSchema, nlu_target: str) -> bool:
    needed = schema.minimal_graph_schema([nlu_target]).nodes.values()
    return all(PLACEHOLDER_TRACKER not in node.needs.values() for node in needed)


def run_nlu(processor: MessageProcessor, messages: list[UserMessage]) -> list[Message]:
    """The NLU part of the model graph for several messages at once (Rasa runs it for one)."""
    target = processor.model_metadata.nlu_target
    return processor.graph_runner.run(inputs={PLACEHOLDER_MESSAGE: messages}, targets=[target])[target]


class _Batcher:
    """Gathers the messages that reach parsing within a few turns of the event loop."""

    def __init__(self, processor: MessageProcessor, loop: asyncio.AbstractEventLoop) -> None:
        self.processor, self.loop = processor, loop
        self.waiting: list[tuple[UserMessage, asyncio.Future]] = []

    def parse(self, message: UserMessage) -> asyncio.Future:
        future = self.loop.create_future()
        self.waiting.append((message, future))
        if len(self.waiting) == 1:
            self.loop.call_soon(self._run, LOOP_TURNS_TO_GATHER)
        return future

    def _run(self, turns_left: int) -> None:
        if turns_left:
            self.loop.call_soon(self._run, turns_left - 1)
            return
        batch, self.waiting = self.waiting, []
        try:
            parsed = run_nlu(self.processor, [message for message, _ in batch])
        except Exception as error:  # noqa: BLE001 — handed to the turns that sent these messages
            if len(batch) == 1:
                _settle(batch[0][1], error=error)
                return
            # One of them may be the cause: each is parsed alone, so that only its own turn fails.
            stats["retried"] += 1
            for message, future in batch:
                try:
                    _settle(future, run_nlu(self.processor, [message])[0])
                except Exception as alone_error:  # noqa: BLE001
                    _settle(future, error=alone_error)
            return
        stats["batches"] += 1
        stats["messages"] += len(batch)
        stats["largest"] = max(stats["largest"], len(batch))
        for (_, future), result in zip(batch, parsed, strict=True):
            _settle(future, result)


def _settle(future: asyncio.Future, result: Optional[Message] = None, error: Optional[Exception] = None) -> None:
    """Hand over the outcome, unless the turn waiting for it was cancelled meanwhile."""
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def _batcher(processor: MessageProcessor) -> Optional[_Batcher]:
    """This processor's batcher on the running loop; None when its NLU graph needs a tracker."""
    state = processor.__dict__
    if "_nlu_batchable" not in state:
        state["_nlu_batchable"] = nlu_needs_no_tracker(
            processor.graph_runner._graph_schema, processor.model_metadata.nlu_target
        )
    if not state["_nlu_batchable"]:
        return None
    loop = asyncio.get_running_loop()
    batcher = state.get("_nlu_batcher")
    if batcher is None or batcher.loop is not loop:
        batcher = state["_nlu_batcher"] = _Batcher(processor, loop)
    return batcher


async def parse_message(
    self: MessageProcessor, message: UserMessage, tracker=None, only_output_properties: bool = True
) -> dict[str, Any]:
    """Rasa's parse_message; the graph run for the message has been done in a batch."""
    batcher = None if self.http_interpreter else _batcher(self)
    if batcher is None:
        return await _original_parse_message(self, message, tracker, only_output_properties)
    _parsed[id(message)] = await batcher.parse(message)
    try:
        return await _original_parse_message(self, message, tracker, only_output_properties)
    finally:
        _parsed.pop(id(message), None)


def _parse_message_with_graph(
    self: MessageProcessor, message: UserMessage, tracker, only_output_properties: bool = True
) -> dict[str, Any]:
    parsed_message = _parsed.pop(id(message), None)
    if parsed_message is None:
        return _original_parse_message_with_graph(self, message, tracker, only_output_properties)
    # The rest of Rasa's _parse_message_with_graph (rasa/core/processor.py, 3.6.21).
    parse_data = {TEXT: "", INTENT: {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}, ENTITIES: []}
    parse_data.update(parsed_message.as_dict(only_output_properties=only_output_properties))
    return parse_data


def _rows(outputs: dict[str, Any], index: int) -> dict[str, Any]:
    """Example `index` of a bulk inference, shaped as Rasa's inference of that example alone."""
    return {
        key: _rows(value, index)
        if isinstance(value, dict)
        else value[index : index + 1]
        if isinstance(value, np.ndarray)
        else value
        for key, value in outputs.items()
    }


def diet_process(self, messages: list[Message]) -> list[Message]:
    """Rasa's DIETClassifier.process, with the model run once for all messages."""
    # `self` stays unannotated, as in Rasa's: Rasa's graph validation (when training) takes every
    # annotated parameter of a component's `process` for an input it must be given.
    # Diagnostic data (attention weights) is not laid out per example: one at a time, as Rasa.
    if len(messages) < 2 or self.model is None or self._execution_context.should_add_diagnostic_data:
        return _original_diet_process(self, messages)
    model_data = self._create_model_data(messages, training=False)
    if model_data.is_empty() or model_data.number_of_examples() != len(messages):
        return _original_diet_process(self, messages)
    outputs = self.model.run_inference(model_data, batch_size=len(messages))
    stats["diet_batches"] += 1
    self.__dict__["_batch_outputs"] = {id(message): _rows(outputs, index) for index, message in enumerate(messages)}
    try:
        return _original_diet_process(self, messages)
    finally:
        del self.__dict__["_batch_outputs"]


def diet_predict(self: DIETClassifier, message: Message):
    batch_outputs = self.__dict__.get("_batch_outputs")
    if batch_outputs is not None and id(message) in batch_outputs:
        return batch_outputs[id(message)]
    return _original_diet_predict(self, message)


def install() -> None:
    MessageProcessor.parse_message = parse_message
    MessageProcessor._parse_message_with_graph = _parse_message_with_graph
    DIETClassifier.process = diet_process
    DIETClassifier._predict = diet_predict
