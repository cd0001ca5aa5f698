"""FunnelExplorer driven without a browser: set controls, read ``.result`` / ``.chart``."""

from __future__ import annotations

import pandas as pd
import pytest

from cjcourse import metrics
from cjcourse.data import FUNNEL_STEPS, load_shop
from cjcourse.i18n import LANGUAGES, t
from cjcourse.widgets.funnel_explorer import FunnelExplorer


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_shop("pequeño", seed=11).events


@pytest.fixture(scope="module")
def explorer(events) -> FunnelExplorer:
    return FunnelExplorer(events, render="none")


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(
        a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False, rtol=1e-9
    )


@pytest.mark.parametrize(
    "state",
    [
        {},
        {"mode": "open"},
        {"window_days": 2},
        {"by": "device"},
        {"by": "channel", "window_days": 1},
        {"by": "segment", "mode": "open"},
        {"steps": ("carrito", "compra")},
    ],
)
def test_result_is_the_metric_for_every_control_state(explorer, events, state):
    with explorer.hold():
        explorer.steps = state.get("steps", FUNNEL_STEPS)
        explorer.mode = state.get("mode", "closed")
        explorer.window_days = state.get("window_days")
        explorer.by = state.get("by")
    assert explorer.error is None
    kw = {"window": explorer.window_days, "by": explorer.by}
    _same(explorer.result, metrics.funnel(events, list(explorer.steps), mode=explorer.mode, **kw))
    if explorer.mode == "open":
        kw["window"] = None
    _same(explorer.times, metrics.funnel_times(events, list(explorer.steps), **kw))


def test_defaults_are_the_shop_funnel_and_a_spanish_reading(events):
    fx = FunnelExplorer(events, render="none")
    assert fx.steps == FUNNEL_STEPS
    assert fx.result["step"].tolist() == list(FUNNEL_STEPS)
    assert {"conversion_from_start", "conversion_from_previous", "dropoff"} <= set(fx.result)
    assert fx.reading.startswith("De 2.000 clientes que hicieron «visita»")
    assert "El mayor abandono ocurre entre" in fx.reading and " % de los clientes" in fx.reading


def test_the_ipywidgets_controls_drive_the_traits(events):
    fx = FunnelExplorer(events, render="none")
    fx.mode_control.value = "open"
    assert fx.mode == "open" and "Embudo abierto" in fx.reading
    fx.mode_control.value = "closed"
    fx.window_control.value = 3
    assert fx.window_days == 3
    fx.window_control.value = 0
    assert fx.window_days is None
    fx.by_control.value = "device"
    assert set(fx.result["device"]) == {"móvil", "ordenador", "tableta"}
    fx.steps_control.value = ["visita", "compra"]
    assert fx.steps == ("visita", "compra") and len(fx.result) == 2 * 3
    fx.by = None  # and the other way round: trait → control
    assert fx.by_control.value is None


def test_chart_spec_carries_the_numbers_in_words(explorer):
    with explorer.hold():
        explorer.steps, explorer.mode, explorer.window_days, explorer.by = (
            FUNNEL_STEPS,
            "closed",
            None,
            None,
        )
    spec = explorer.chart.to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    assert [r["paso"] for r in rows] == [f"{i}. {s}" for i, s in enumerate(FUNNEL_STEPS, 1)]
    assert rows[0]["etiqueta"].endswith("(100 %)")
    assert "abandona el" in rows[1]["etiqueta"]
    assert any(r["tiempo"] for r in rows[1:])  # time to convert panel
    assert len(spec["hconcat"]) == 2
    assert spec["description"] == explorer.reading


def test_split_chart_has_one_colour_per_group_from_the_palette(explorer):
    explorer.by = "device"
    spec = explorer.chart.to_dict()
    colour = spec["hconcat"][0]["layer"][0]["encoding"]["color"]
    assert colour["scale"]["range"] == ["#0072B2", "#E69F00", "#009E73"]
    explorer.by = None


def test_rendered_widget_shows_svg_table_and_reading(events):
    fx = FunnelExplorer(events, steps=["visita", "carrito", "compra"])
    assert "<svg" in fx.chart_view.value and "aria-label" in fx.chart_view.value
    assert "<table" in fx.table_view.value and "Abandono" in fx.table_view.value
    assert fx.reading[:20] in fx.reading_view.value.replace("&laquo;", "«")


def test_typo_in_a_step_is_explained_inside_the_widget(events):
    fx = FunnelExplorer(events, render="none")
    fx.steps = ("visita", "compras")
    assert "¿Quisiste decir 'compra'?" in fx.error
    assert fx.result.empty and fx.chart is None and fx.times.empty
    fx.steps = ("visita", "compra")
    assert fx.error is None and len(fx.result) == 2


def test_bad_mode_and_window_give_the_metric_messages(events):
    fx = FunnelExplorer(events, render="none")
    fx.mode = "abierto"
    assert fx.error == t("metrics.bad_mode", mode="abierto")
    with fx.hold():
        fx.mode, fx.window_days = "open", 7
    assert fx.error == t("metrics.window_open")
    with fx.hold():
        fx.mode, fx.window_days = "closed", -3
    assert "plazo" in fx.error
    fx.window_days = None
    fx.by = "pais"
    assert "pais" in fx.error
    fx.by = None
    assert fx.error is None


@pytest.mark.parametrize(
    ("broken", "words"),
    [
        (lambda e: e.drop(columns="timestamp"), "Falta la columna 'timestamp'"),
        (lambda e: e.assign(timestamp="ayer"), "no se pueden leer"),
        (lambda e: e.rename(columns={"customer_id": "cliente"}), "Falta la columna 'customer_id'"),
    ],
)
def test_malformed_log_shows_the_schema_message_not_a_traceback(events, broken, words):
    fx = FunnelExplorer(broken(events.head(200)))
    assert words in fx.error
    assert fx.result.empty and fx.chart is None
    assert "✖" in fx.status_view.value and "role='alert'" in fx.status_view.value
    fx.mode = "open"  # still no traceback on a control change
    assert words in fx.error


def test_controls_have_spanish_labels(explorer):
    spanish = set(LANGUAGES["es"].values())
    for control in explorer.controls_box.children:
        assert control.description in spanish
        assert control.style.description_width == "initial"


def test_other_column_names_and_an_ibis_free_log():
    log = pd.DataFrame(
        {
            "cliente": [1, 1, 1, 2, 2, 3],
            "accion": ["entrar", "elegir", "pagar", "entrar", "elegir", "entrar"],
            "fecha": pd.date_range("2026-01-01", periods=6, freq="h").astype(str),
        }
    )
    fx = FunnelExplorer(
        log,
        ["entrar", "elegir", "pagar"],
        customer_col="cliente",
        event_col="accion",
        timestamp_col="fecha",
        render="none",
    )
    assert fx.error is None
    assert fx.result["customers"].tolist() == [3, 2, 1]


def test_a_parquet_file_works_like_a_frame(events, tmp_path):
    path = tmp_path / "eventos.parquet"
    events.to_parquet(path)
    fx = FunnelExplorer(str(path), by="device", render="none")
    assert fx.error is None
    _same(fx.result, metrics.funnel(events, list(FUNNEL_STEPS), by="device"))
    assert "segment" in [v for _, v in fx.by_control.options]


def test_breakdown_is_named_in_the_students_words(events):
    explorer = FunnelExplorer(events, by="device", render="none")
    assert ("dispositivo", "device") in list(explorer.by_control.options)
    assert "Por dispositivo" in explorer.reading and "Por device" not in explorer.reading
