"""Work out which graph nodes a run needs once per runner and targets, not on every run.

Rasa 3.6's DaskGraphRunner.run rebuilds, for every message it parses and every next action it
predicts, the part of the model's graph its targets depend on: a recursive walk that lists
dependencies again for every path to them, then a dask graph of the same nodes. The schema and
the nodes do not change after loading, so the result is the same each time: about 1 ms of
Rasa's event loop per turn (py-spy on bench/rest_bench.py). Here it is built once per runner
and list of targets and copied for each run (the inputs are added to the copy, as Rasa adds
them to its fresh graph). The rest of run() is Rasa's own.
"""

from __future__ import annotations

from typing import Any, Optional

import dask
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner, logger


def run(
    self: DaskGraphRunner, inputs: Optional[dict[str, Any]] = None, targets: Optional[list[str]] = None
) -> dict[str, Any]:
    run_targets = targets if targets else self._graph_schema.target_names
    built = self.__dict__.setdefault("_graphs_by_targets", {})
    graph = built.get(tuple(run_targets))
    if graph is None:
        graph = built[tuple(run_targets)] = self._build_dask_graph(self._graph_schema.minimal_graph_schema(run_targets))
    run_graph = dict(graph)

    if inputs:
        self._add_inputs_to_graph(inputs, run_graph)

    # In English on purpose: the same debug line as Rasa's own DaskGraphRunner.run, which this replaces.
    logger.debug(f"Running graph with inputs: {inputs}, targets: {targets} and {self._execution_context}.")

    try:
        dask_result = dask.get(run_graph, run_targets)
        return dict(dask_result)
    except RuntimeError as e:
        raise GraphRunError("Error running runner.") from e


def install() -> None:
    DaskGraphRunner.run = run
