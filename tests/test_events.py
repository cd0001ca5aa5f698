import pandas as pd
import pytest

from cjcourse.events import EventLogError, check_columns, to_table, validate_events


def base():
    return pd.DataFrame(
        {
            "customer_id": [1, 2],
            "event": ["visita", "compra"],
            "timestamp": ["2026-01-01 10:00", "2026-01-02 11:00"],
        }
    )


def test_error_is_a_value_error():
    assert issubclass(EventLogError, ValueError)


def test_missing_column_suggests_a_close_name():
    df = base().rename(columns={"timestamp": "timestamps"})
    with pytest.raises(EventLogError) as err:
        validate_events(df)
    msg = str(err.value)
    assert "Falta la columna 'timestamp'" in msg
    assert "¿Quisiste decir 'timestamps'?" in msg
    assert "timestamp_col=" in msg  # says how to fix it


def test_custom_column_names():
    df = base().rename(columns={"customer_id": "cliente", "event": "accion", "timestamp": "fecha"})
    out = validate_events(df, customer_col="cliente", event_col="accion", timestamp_col="fecha")
    assert out["fecha"].dtype.kind == "M"


def test_unparsable_timestamps_show_example_rows():
    df = base()
    df.loc[1, "timestamp"] = "el martes"
    with pytest.raises(EventLogError) as err:
        validate_events(df)
    assert "1 fecha(s) que no se pueden leer" in str(err.value)
    assert "el martes" in str(err.value)


def test_null_keys_are_reported_with_rows():
    df = base()
    df.loc[0, "customer_id"] = None
    with pytest.raises(EventLogError, match="'customer_id' tiene 1 valor"):
        validate_events(df)


def test_unknown_steps():
    with pytest.raises(EventLogError, match="¿Quisiste decir 'visita'"):
        validate_events(base(), steps=["vista"])
    with pytest.raises(EventLogError, match="dos veces"):
        validate_events(base(), steps=["visita", "visita"])


def test_timezones_become_utc_naive():
    df = base()
    df["timestamp"] = pd.to_datetime(df["timestamp"]).dt.tz_localize("Europe/Madrid")
    out = validate_events(df)
    assert out["timestamp"].iloc[0] == pd.Timestamp("2026-01-01 09:00")


def test_input_frame_is_not_modified():
    df = base()
    validate_events(df)
    assert df["timestamp"].dtype == base()["timestamp"].dtype


def test_to_table_accepts_files_and_checks_them(tmp_path):
    df = validate_events(base())
    df.to_parquet(tmp_path / "e.parquet")
    assert to_table(tmp_path / "e.parquet").count().execute() == 2
    with pytest.raises(EventLogError, match="No encuentro"):
        to_table(tmp_path / "nada.parquet")
    with pytest.raises(EventLogError, match="Falta la columna 'cliente'"):
        to_table(tmp_path / "e.parquet", customer_col="cliente")


def test_not_a_table():
    with pytest.raises(EventLogError, match="tabla de eventos"):
        check_columns([1, 2, 3], customer_col="customer_id")


def test_other_inputs(tmp_path):
    import pyarrow as pa

    df = validate_events(base())
    assert to_table(pa.Table.from_pandas(df)).count().execute() == 2
    (tmp_path / "e.json").write_text("{}")
    with pytest.raises(EventLogError, match="parquet"):
        to_table(tmp_path / "e.json")
    with pytest.raises(EventLogError, match="fechas"):
        to_table(df.assign(timestamp=[1, 2]))
