"""Messages of the event-log validation (events.*), the metrics (metrics.*) and the data (data.*)."""

ES: dict[str, str] = {
    "metrics.error.successes": "Los éxitos ({successes}) deben estar entre 0 y el total ({n}).",
    # ---- events: validation of the event log
    "events.not_a_table": (
        "Esperaba una tabla de eventos (un DataFrame de pandas, una tabla de Ibis o la ruta de un "
        "fichero Parquet/CSV) y he recibido {kind}. Carga tus datos con pd.read_csv(...) o pásame "
        "la ruta del fichero."
    ),
    "events.missing_column": (
        "Falta la columna '{column}' (argumento {role}).\n"
        "Columnas encontradas: {found}.\n"
        'Arreglo: renombra tu columna o indica su nombre, por ejemplo {role}="nombre_de_tu_columna".'
    ),
    "events.did_you_mean": "¿Quisiste decir '{name}'?",
    "events.null_keys": (
        "La columna '{column}' tiene {n} valor(es) vacío(s) (filas {rows}…). Cada evento necesita "
        "cliente, evento y fecha. Arreglo: elimina esas filas con "
        "df.dropna(subset=['{column}']) o rellénalas."
    ),
    "events.bad_timestamps": (
        "La columna '{column}' tiene {n} fecha(s) que no se pueden leer.\n"
        "Ejemplos:\n{rows}\n"
        "Arreglo: usa el formato AAAA-MM-DD HH:MM:SS, o conviértela con "
        "pd.to_datetime(df['{column}'], format=...)."
    ),
    "events.timestamp_type": (
        "La columna '{column}' debería contener fechas y contiene {dtype}. Arreglo: conviértela "
        "con pd.to_datetime(...) o indica otra columna con timestamp_col=..."
    ),
    "events.no_steps": "La lista de pasos está vacía: indica al menos un paso, p. ej. ['visita', 'compra'].",
    "events.repeated_steps": (
        "Los pasos {steps} aparecen dos veces en la lista. Cada paso del embudo debe ser distinto."
    ),
    "events.unknown_step": (
        "El paso '{step}' no aparece nunca en la columna '{column}'. Valores que sí aparecen: "
        "{known}."
    ),
    "events.no_file": "No encuentro el fichero '{path}'. Comprueba la ruta (¿carpeta correcta?).",
    "events.bad_file": (
        "No sé leer '{path}': uso ficheros .parquet o .csv. Arreglo: guarda tus datos con "
        "df.to_parquet(...) o df.to_csv(...)."
    ),
    # ---- metrics
    "metrics.bad_mode": 'mode debe ser "closed" (cerrado) o "open" (abierto), no {mode!r}.',
    "metrics.bad_window": (
        'No entiendo la ventana {window!r}. Usa un número de días (7), un texto como "7 days" '
        "o pd.Timedelta(days=7)."
    ),
    "metrics.window_open": (
        'La ventana (window) solo tiene sentido en el embudo cerrado (mode="closed"): en el '
        'abierto cada paso cuenta por separado. Quita window o usa mode="closed".'
    ),
    "metrics.bad_period": 'period debe ser "D" (día), "W" (semana) o "M" (mes), no {period!r}.',
    "metrics.bad_quantile": "Los percentiles deben estar entre 0 y 1 (0.5 es la mediana), no {q}.",
    "metrics.empty_scores": "No hay respuestas en '{name}': no se puede calcular la métrica.",
    "metrics.scores_out_of_range": (
        "'{name}' tiene valores fuera de la escala {low}–{high}: {examples}. Revisa que la "
        "columna sea la de la encuesta correcta (NPS 0–10, CSAT 1–5, CES 1–7)."
    ),
    "metrics.small_sample": (
        "Solo hay {n} respuestas (menos de 30): el resultado es muy incierto; mira el intervalo "
        "de confianza antes de sacar conclusiones."
    ),
    "metrics.bad_rate": "{name} debe estar entre 0 y 1 (p. ej. 0.8 para un 80 %), no {value}.",
    "metrics.bad_clv": (
        "Con retención r={r} y descuento d={d} la fórmula no converge (1 + d − r debe ser > 0)."
    ),
    "metrics.bad_model": "Modelo de atribución desconocido {model!r}. Modelos: {models}.",
    "metrics.no_conversions": (
        "No hay ninguna conversión ('{event}' en la columna '{column}'): no hay nada que atribuir."
    ),
    "metrics.fit_failed": (
        "El ajuste del modelo {model} no convergió ({reason}). Prueba con más clientes o revisa "
        "que frequency, recency y T estén en las mismas unidades."
    ),
    "metrics.bad_summary": (
        "Columna '{column}': {problem}. Arreglo: calcula el resumen con rfm_summary(...)."
    ),
    "metrics.zero_new_customers": (
        "No hay clientes nuevos en {where}: el CAC no se puede calcular (se deja vacío)."
    ),
    "metrics.bad_weights": "Los pesos deben ser números ≥ 0 y no todos cero, no {weights}.",
    "metrics.no_spark": "Necesitas PySpark y Java para esto: pip install pyspark.",
    # ---- data
    "data.bad_seed": "La semilla debe ser un entero ≥ 0 o un texto (tu id de estudiante), no {seed}.",
    "data.bad_n_customers": "n_customers debe ser un entero ≥ 1, no {n!r}.",
    "data.too_few_days": (
        "Hacen falta al menos 35 días para que quepan las historias del simulador (days={days})."
    ),
    "data.bad_size": "Tamaño desconocido {size!r}. Tamaños: {sizes}.",
    "data.story.bug": (
        "Del {start} al {end} la página de pago falla en móvil: muchos reintentos de pago y "
        "pocas compras en ese dispositivo."
    ),
    "data.story.dead_channel": (
        "El canal '{channel}' trae muchas visitas pero casi ningún comprador."
    ),
    "data.story.delay": (
        "Del {start} al {end} las entregas llegan tarde: más contactos con soporte y peor NPS."
    ),
    "data.no_lifetimes": (
        "Los datos de CDNOW vienen en el paquete 'lifetimes', que no está instalado. Instálalo "
        "con: pip install --no-deps lifetimes==0.11.3"
    ),
    "data.bad_cdnow_kind": 'kind debe ser "sample" (2.357 clientes) o "master" (23.570), no {kind!r}.',
}

EN: dict[str, str] = {
    "metrics.error.successes": "The successes ({successes}) must be between 0 and the total ({n}).",
    "events.not_a_table": (
        "I expected an event table (a pandas DataFrame, an Ibis table or the path of a "
        "Parquet/CSV file) and got {kind}. Load your data with pd.read_csv(...) or pass the path."
    ),
    "events.missing_column": (
        "Column '{column}' is missing (argument {role}).\n"
        "Columns found: {found}.\n"
        'Fix: rename your column or give its name, e.g. {role}="your_column".'
    ),
    "events.did_you_mean": "Did you mean '{name}'?",
    "events.null_keys": (
        "Column '{column}' has {n} empty value(s) (rows {rows}…). Every event needs a customer, "
        "an event and a date. Fix: drop them with df.dropna(subset=['{column}']) or fill them."
    ),
    "events.bad_timestamps": (
        "Column '{column}' has {n} date(s) that cannot be read.\n"
        "Examples:\n{rows}\n"
        "Fix: use YYYY-MM-DD HH:MM:SS or convert with pd.to_datetime(df['{column}'], format=...)."
    ),
    "events.timestamp_type": (
        "Column '{column}' should hold dates and holds {dtype}. Fix: convert it with "
        "pd.to_datetime(...) or name another column with timestamp_col=..."
    ),
    "events.no_steps": "The list of steps is empty: give at least one, e.g. ['visita', 'compra'].",
    "events.repeated_steps": "Steps {steps} appear twice. Every funnel step must be different.",
    "events.unknown_step": (
        "Step '{step}' never occurs in column '{column}'. Values that do occur: {known}."
    ),
    "events.no_file": "File '{path}' not found. Check the path.",
    "events.bad_file": (
        "I cannot read '{path}': use .parquet or .csv files (df.to_parquet / df.to_csv)."
    ),
    "metrics.bad_mode": 'mode must be "closed" or "open", not {mode!r}.',
    "metrics.bad_window": (
        "I do not understand the window {window!r}. Use a number of days (7), a text like "
        '"7 days" or pd.Timedelta(days=7).'
    ),
    "metrics.window_open": (
        'A window only makes sense in a closed funnel (mode="closed"). Remove window or use '
        'mode="closed".'
    ),
    "metrics.bad_period": 'period must be "D" (day), "W" (week) or "M" (month), not {period!r}.',
    "metrics.bad_quantile": "Percentiles must lie between 0 and 1 (0.5 is the median), not {q}.",
    "metrics.empty_scores": "There are no answers in '{name}': the metric cannot be computed.",
    "metrics.scores_out_of_range": (
        "'{name}' has values outside the scale {low}–{high}: {examples}. Check that it is the "
        "right survey column (NPS 0–10, CSAT 1–5, CES 1–7)."
    ),
    "metrics.small_sample": (
        "Only {n} answers (fewer than 30): the result is very uncertain; look at the confidence "
        "interval before drawing conclusions."
    ),
    "metrics.bad_rate": "{name} must lie between 0 and 1 (e.g. 0.8 for 80 %), not {value}.",
    "metrics.bad_clv": (
        "With retention r={r} and discount d={d} the formula does not converge (1 + d − r must "
        "be > 0)."
    ),
    "metrics.bad_model": "Unknown attribution model {model!r}. Models: {models}.",
    "metrics.no_conversions": (
        "There are no conversions ('{event}' in column '{column}'): nothing to attribute."
    ),
    "metrics.fit_failed": (
        "The {model} fit did not converge ({reason}). Try more customers or check that "
        "frequency, recency and T use the same units."
    ),
    "metrics.bad_summary": (
        "Column '{column}': {problem}. Fix: compute the summary with rfm_summary(...)."
    ),
    "metrics.zero_new_customers": (
        "No new customers in {where}: CAC cannot be computed (left empty)."
    ),
    "metrics.bad_weights": "Weights must be numbers ≥ 0, not all zero; got {weights}.",
    "metrics.no_spark": "This needs PySpark and Java: pip install pyspark.",
    "data.bad_seed": "The seed must be an integer ≥ 0 or a text (your student id), not {seed}.",
    "data.bad_n_customers": "n_customers must be an integer ≥ 1, not {n!r}.",
    "data.too_few_days": "The simulator needs at least 35 days for its stories (days={days}).",
    "data.bad_size": "Unknown size {size!r}. Sizes: {sizes}.",
    "data.story.bug": (
        "From {start} to {end} the payment page fails on mobile: many payment retries and few "
        "purchases on that device."
    ),
    "data.story.dead_channel": "Channel '{channel}' brings many visits but hardly any buyers.",
    "data.story.delay": (
        "From {start} to {end} deliveries are late: more support contacts and a lower NPS."
    ),
    "data.no_lifetimes": (
        "The CDNOW data ships in the 'lifetimes' package, which is not installed. Install it "
        "with: pip install --no-deps lifetimes==0.11.3"
    ),
    "data.bad_cdnow_kind": 'kind must be "sample" (2,357 customers) or "master" (23,570), not {kind!r}.',
}
