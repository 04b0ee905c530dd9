"""The executors of builder.pipeline.tasks keep one interface: results in the items' order, on_result as each comes."""

from builder.pipeline.tasks import LocalProcesses, Sequential


def square_plus(item: int, offset: int) -> int:
    return item * item + offset


def test_every_executor_returns_in_order_and_reports_each_result():
    for executor in (Sequential(), LocalProcesses(2)):
        seen: dict[int, int] = {}
        results = executor.map(square_plus, [3, 1, 2], common=(10,), on_result=seen.__setitem__)
        assert results == [19, 11, 14], executor
        assert seen == {0: 19, 1: 11, 2: 14}, executor
