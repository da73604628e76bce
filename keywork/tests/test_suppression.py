"""suppress_table: primary suppression of 1..threshold, secondary suppression in rows and columns,
and totals rounded to 5 wherever a cell is hidden, so no hidden count can be worked out."""

import itertools
import random

import pytest

from keywork.suppression import SUPPRESSED, suppress_counts, suppress_table

STAR = SUPPRESSED


def lines_of(published: dict) -> list[tuple[list, object]]:
    """Every row and every column of a published table with its published total."""
    rows = [(list(cells.values()), published["row_totals"][r]) for r, cells in published["cells"].items()]
    columns = [
        ([cells[c] for cells in published["cells"].values()], published["column_totals"][c])
        for c in published["columns"]
    ]
    return rows + columns


def feasible_hidden_values(line: list, total, threshold: int, largest: int) -> list[set[int]]:
    """For each '*' in a line, every value it could take given the shown cells and the published
    total, read the way the page explains it: '*' is a count of 1 or more, a total with a hidden cell
    is the true total rounded to the nearest 5, and a '*' total is 1..threshold."""
    shown = sum(cell for cell in line if cell != STAR)
    stars = [i for i, cell in enumerate(line) if cell == STAR]
    possible = [set() for _ in stars]
    for values in itertools.product(range(1, largest + 1), repeat=len(stars)):
        true_total = shown + sum(values)
        fits = 1 <= true_total <= threshold if total == STAR else abs(true_total - total) <= 2
        if fits:
            for found, value in zip(possible, values, strict=True):
                found.add(value)
    return possible


def test_counts_from_one_to_the_threshold_are_hidden_and_zero_and_larger_counts_are_shown():
    published = suppress_table({"Red": {"Kent": 0, "Medway": 8, "Swale": 30}}, threshold=7)
    assert published["cells"] == {"Red": {"Kent": 0, "Medway": 8, "Swale": 30}}
    assert published["row_totals"] == {"Red": 38} and published["total"] == 38


def test_a_lone_hidden_cell_in_a_row_hides_the_smallest_other_non_zero_cell_of_that_row():
    published = suppress_table({"Red": {"Kent": 3, "Medway": 12, "Swale": 20, "Thanet": 0}}, threshold=7)
    assert published["cells"]["Red"] == {"Kent": STAR, "Medway": STAR, "Swale": 20, "Thanet": 0}
    assert published["row_totals"]["Red"] == 35  # 35 exactly, rounded to 5 anyway
    assert published["column_totals"] == {"Kent": STAR, "Medway": 10, "Swale": 20, "Thanet": 0}


def test_a_lone_hidden_cell_in_a_column_hides_the_smallest_other_non_zero_cell_of_that_column():
    rows = {"Red": {"Kent": 2, "Medway": 0}, "Amber": {"Kent": 15, "Medway": 0}, "Green": {"Kent": 11, "Medway": 0}}
    published = suppress_table(rows, threshold=7)
    assert [cells["Kent"] for cells in published["cells"].values()] == [STAR, 15, STAR]
    assert published["column_totals"]["Kent"] == 30  # 28 rounded


def test_secondary_suppression_cascades_until_no_line_has_a_single_hidden_cell():
    rows = {
        "Red": {"Kent": 3, "Medway": 20, "Swale": 30},
        "Amber": {"Kent": 25, "Medway": 40, "Swale": 50},
        "Green": {"Kent": 9, "Medway": 10, "Swale": 60},
    }
    published = suppress_table(rows, threshold=7)
    hidden = {(r, c) for r, cells in published["cells"].items() for c, cell in cells.items() if cell == STAR}
    # Kent's red 3 is primary; the column hides Green/Kent (9), the red row hides Red/Medway (20);
    # the green row and Medway column then each hold two hidden cells.
    assert hidden == {("Red", "Kent"), ("Green", "Kent"), ("Red", "Medway"), ("Green", "Medway")}
    assert published["total"] == 245  # 247 rounded


def test_zero_is_never_hidden_as_a_secondary_cell():
    published = suppress_table({"Red": {"Kent": 4, "Medway": 0}}, threshold=7)
    assert published["cells"]["Red"] == {"Kent": STAR, "Medway": 0}
    assert published["row_totals"]["Red"] == STAR and published["total"] == STAR


def test_a_total_from_one_to_the_threshold_is_itself_hidden():
    published = suppress_table({"Red": {"Kent": 1, "Medway": 2}, "Amber": {"Kent": 0, "Medway": 0}}, threshold=7)
    assert published["row_totals"] == {"Red": STAR, "Amber": 0}
    assert published["total"] == STAR


def test_a_threshold_of_three_hides_only_one_to_three():
    published = suppress_table({"Red": {"Kent": 3, "Medway": 4, "Swale": 10}}, threshold=3)
    assert published["cells"]["Red"] == {"Kent": STAR, "Medway": STAR, "Swale": 10}


def random_table(seed: int) -> dict[str, dict[str, int]]:
    rng = random.Random(seed)
    rows = [f"r{i}" for i in range(rng.randint(1, 5))]
    columns = [f"c{j}" for j in range(rng.randint(1, 5))]
    return {r: {c: rng.choice([0, 0, 1, 2, 3, 5, 7, 8, 9, 12, 20, 41]) for c in columns} for r in rows}


@pytest.mark.parametrize("seed", range(300))
def test_property_no_line_has_a_single_hidden_cell_beside_an_exact_total(seed):
    rows = random_table(seed)
    published = suppress_table(rows, threshold=7)
    for line, total in lines_of(published):
        stars = line.count(STAR)
        if stars:
            assert total == STAR or (isinstance(total, int) and total % 5 == 0), (line, total)
        else:
            assert total == sum(line), (line, total)
        # A lone '*' is only left where no other non-zero cell could have been hidden beside it.
        if stars == 1:
            assert all(cell in (0, STAR) for cell in line), (seed, line, total)
    grand_hidden = any(STAR in cells.values() for cells in published["cells"].values())
    if grand_hidden:
        assert published["total"] == STAR or published["total"] % 5 == 0
    else:
        assert published["total"] == sum(sum(cells.values()) for cells in rows.values())


@pytest.mark.parametrize("seed", range(300))
def test_property_every_small_count_is_hidden_and_every_shown_cell_is_true(seed):
    rows = random_table(seed)
    published = suppress_table(rows, threshold=7)
    for r, cells in rows.items():
        for c, count in cells.items():
            cell = published["cells"][r][c]
            if 0 < count <= 7:
                assert cell == STAR
            else:
                assert cell in (STAR, count)


@pytest.mark.parametrize(
    "row",
    [
        {"Kent": 1, "Medway": 1, "Swale": 10},  # total 12 published as 10: both hidden cells must be 1
        {"Kent": 1, "Medway": 1, "Swale": 1, "Thanet": 9},  # 12 → 10: all three must be 1
        {"Kent": 1, "Medway": 1, "Swale": 20},
    ],
)
def test_a_hidden_cell_cannot_be_worked_out_from_the_rounded_total_and_the_shown_cells(row):
    published = suppress_table({"Red": row}, threshold=7)
    line, total = list(published["cells"]["Red"].values()), published["row_totals"]["Red"]
    for values in feasible_hidden_values(line, total, threshold=7, largest=30):
        assert len(values) > 1, f"{line} with total {total} gives the hidden counts away: {values}"


def test_suppress_counts_hides_a_lone_small_count_with_the_next_smallest():
    table = suppress_counts({"Kent": 2, "Medway": 30, "Swale": 11}, threshold=7)
    assert table.cells == {"Kent": STAR, "Medway": 30, "Swale": STAR} and table.total == 45
