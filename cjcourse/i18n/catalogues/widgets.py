"""Messages of the measuring widgets (cjcourse.widgets.*_explorer, PainPointFinder) and charts."""

ES: dict[str, str] = {
    "widgets.column.channel": "canal",
    "widgets.column.device": "dispositivo",
    "widgets.column.segment": "segmento",
    "widgets.column.stage": "etapa",
    "widgets.column.contact_channel": "canal de contacto",
    # ---- shared
    "widgets.title": "Explorador",
    "widgets.error": "Error:",
    "widgets.warning": "Atención:",
    "widgets.reading": "Lectura:",
    "widgets.show_table": "Ver los datos en una tabla (alternativa al gráfico)",
    "widgets.more_rows": "… y {n} filas más (están todas en .result).",
    "widgets.days": "días",
    "widgets.none": "(ninguno)",
    "widgets.unexpected": (
        "Algo ha fallado al calcular ({kind}: {message}). Revisa los datos o avisa a tu profesor/a."
    ),
    # ---- FunnelExplorer
    "widgets.funnel.title": "Explorador del embudo",
    "widgets.funnel.steps": "Pasos del embudo (en orden):",
    "widgets.funnel.mode": "Tipo de embudo:",
    "widgets.funnel.mode.closed": "Cerrado (en orden)",
    "widgets.funnel.mode.open": "Abierto (cada paso por separado)",
    "widgets.funnel.window": "Plazo para completarlo (días, 0 = sin límite):",
    "widgets.funnel.by": "Comparar por:",
    "widgets.funnel.all": "todos",
    "widgets.funnel.drops": "abandona el {pct}",
    "widgets.funnel.col_step": "Paso",
    "widgets.funnel.col_group": "Grupo",
    "widgets.funnel.col_customers": "Clientes",
    "widgets.funnel.col_from_start": "Conversión desde el inicio",
    "widgets.funnel.col_from_previous": "Conversión desde el paso anterior",
    "widgets.funnel.col_dropoff": "Abandono",
    "widgets.funnel.col_time": "Tiempo mediano desde el paso anterior",
    "widgets.funnel.axis_customers": "Clientes",
    "widgets.funnel.axis_hours": "Horas (mediana)",
    "widgets.funnel.axis_minutes": "Minutos (mediana)",
    "widgets.funnel.axis_days": "Días (mediana)",
    "widgets.funnel.chart_title": "Clientes en cada paso",
    "widgets.funnel.time_title": "Tiempo para llegar desde el paso anterior",
    "widgets.funnel.caption": "Embudo: clientes, conversión y abandono por paso",
    "widgets.funnel.read_main": (
        "De {start} clientes que hicieron «{first}», {end} llegaron a «{last}» "
        "({conv} de conversión)."
    ),
    "widgets.funnel.read_worst": (
        "El mayor abandono ocurre entre «{prev}» y «{step}»: {pct} de los clientes no siguen "
        "({n} personas)."
    ),
    "widgets.funnel.read_time": "La mediana de tiempo entre esos dos pasos es {time}.",
    "widgets.funnel.read_open": (
        "Embudo abierto: cada paso cuenta a todos los que lo hicieron, aunque no hicieran los "
        "anteriores."
    ),
    "widgets.funnel.read_window": "Solo cuentan quienes lo completan en {days} días desde el primer paso.",
    "widgets.funnel.read_by": (
        "Por {by}: la mejor conversión total es la de «{best}» ({best_conv}) y la peor la de "
        "«{worst}» ({worst_conv})."
    ),
    "widgets.funnel.read_nobody": "Nadie hizo el primer paso «{first}»: el embudo está vacío.",
    "widgets.funnel.bad_window": (
        "El plazo debe ser un número entero de días mayor que 0 (o None / 0 para no poner "
        "límite), no {value!r}."
    ),
    "widgets.funnel.bad_by": (
        "No se puede comparar por '{by}': esa columna no está en los datos. Columnas posibles: "
        "{options}."
    ),
    # ---- PainPointFinder
    "widgets.pain.title": "Buscador de puntos de dolor",
    "widgets.pain.w_dropoff": "Peso del abandono:",
    "widgets.pain.w_time": "Peso del tiempo perdido:",
    "widgets.pain.w_sat": "Peso de la insatisfacción:",
    "widgets.pain.worst_mark": "⚠ mayor dolor",
    "widgets.pain.bar_label": "n.º {rank} · abandono {dropoff} · {hours} · satisf. {sat}",
    "widgets.pain.axis": "Índice de dolor (0 = el que menos, 1 = el que más)",
    "widgets.pain.chart_title": "Etapas ordenadas por dolor",
    "widgets.pain.col_stage": "Etapa",
    "widgets.pain.col_rank": "Puesto",
    "widgets.pain.col_customers": "Clientes",
    "widgets.pain.col_dropoff": "Abandono",
    "widgets.pain.col_hours": "Horas (mediana) desde la etapa anterior",
    "widgets.pain.col_sat": "Satisfacción (0–1)",
    "widgets.pain.col_responses": "Respuestas",
    "widgets.pain.col_score": "Índice de dolor",
    "widgets.pain.caption": "Puntos de dolor por etapa (puesto 1 = el peor)",
    "widgets.pain.assumed": "supuesta (tu mapa)",
    "widgets.pain.measured": "medida (encuestas)",
    "widgets.pain.curve": "Emoción",
    "widgets.pain.emotion_axis": "Emoción",
    "widgets.pain.in_words": "En palabras",
    "widgets.pain.no_data": "sin datos",
    "widgets.pain.cell": "abandono {dropoff}",
    "widgets.pain.map_title": "Tu mapa «{title}» frente a los datos",
    "widgets.pain.read_top": "El punto de mayor dolor es la etapa «{stage}»",
    "widgets.pain.read_dropoff": "abandona el {pct} de quienes estaban en la etapa anterior",
    "widgets.pain.read_hours": "se tarda una mediana de {time} en llegar",
    "widgets.pain.read_sat": "su satisfacción medida es {sat} sobre 1 ({n} respuestas)",
    "widgets.pain.read_next": "Le siguen {stages}.",
    "widgets.pain.read_gap": (
        "En tu mapa suponías una emoción {assumed} en «{stage}»; las encuestas dicen {measured}."
    ),
    "widgets.pain.read_match": "Las emociones de tu mapa coinciden con las encuestas en las etapas medidas.",
    "widgets.pain.read_missing": "Estas etapas de tu mapa no aparecen en los datos: {stages}.",
    "widgets.pain.bad_weights": (
        "Los pesos deben ser tres números mayores o iguales que 0 y no todos 0 "
        "(abandono, tiempo, insatisfacción), no {weights!r}."
    ),
    "widgets.pain.no_stages": (
        "Ninguna etapa de la lista aparece en la columna '{column}'. Etapas en los datos: {known}."
    ),
    # ---- PathExplorer
    "widgets.paths.title": "Explorador de caminos",
    "widgets.paths.start": "Empezar en el evento:",
    "widgets.paths.end": "Terminar en el evento:",
    "widgets.paths.top_n": "Flujos por paso:",
    "widgets.paths.max_steps": "Pasos a mostrar:",
    "widgets.paths.focus": "¿Qué hacen después de…?",
    "widgets.paths.first_event": "(su primer evento)",
    "widgets.paths.to_the_end": "(hasta el final)",
    "widgets.paths.axis_step": "Paso del recorrido",
    "widgets.paths.axis_share": "Parte de las veces",
    "widgets.paths.col_link": "Flujo",
    "widgets.paths.col_step": "Paso",
    "widgets.paths.col_source": "Desde",
    "widgets.paths.col_target": "Hacia",
    "widgets.paths.col_customers": "Clientes",
    "widgets.paths.col_event": "Evento",
    "widgets.paths.col_action": "Siguiente acción",
    "widgets.paths.col_count": "Veces",
    "widgets.paths.col_share": "Parte",
    "widgets.paths.chart_title": "Caminos más frecuentes (grosor = clientes)",
    "widgets.paths.next_title": "Qué hacen justo después de «{event}»",
    "widgets.paths.caption": "Flujos entre pasos (los mayores de cada paso)",
    "widgets.paths.next_caption": "Acciones justo después de «{event}»",
    "widgets.paths.read_start": "Se siguen {n} clientes desde «{start}»",
    "widgets.paths.read_all": "Se siguen {n} clientes desde su primer evento",
    "widgets.paths.read_end": " hasta «{end}»",
    "widgets.paths.read_first_link": (
        "El primer paso más común es «{source}» → «{target}» ({customers} clientes, {pct} de "
        "los que dan un segundo paso)."
    ),
    "widgets.paths.read_next": "Justo después de «{event}», lo más frecuente es «{action}» ({pct} de las veces)",
    "widgets.paths.read_end_share": "; en el {pct} de las veces no hacen nada más (fin)",
    "widgets.paths.read_nobody": "Ningún cliente hizo «{start}»: no hay caminos que mostrar.",
    "widgets.paths.read_no_focus": "Nadie hizo «{event}».",
    "widgets.paths.bad_event": (
        "El evento '{event}' no aparece nunca en la columna '{column}'. Eventos que sí "
        "aparecen: {known}."
    ),
    "widgets.paths.bad_number": "{name} debe ser un número entero entre {low} y {high}, no {value!r}.",
    # ---- RetentionExplorer
    "widgets.retention.title": "Explorador de retención",
    "widgets.retention.period": "Agrupar por:",
    "widgets.retention.period.W": "Semanas",
    "widgets.retention.period.M": "Meses",
    "widgets.retention.period.D": "Días",
    "widgets.retention.unit.W": "semanas",
    "widgets.retention.unit.M": "meses",
    "widgets.retention.unit.D": "días",
    "widgets.retention.axis_period": "{unit} desde la primera visita",
    "widgets.retention.axis_cohort": "Cohorte (primera visita)",
    "widgets.retention.col_cohort": "Cohorte",
    "widgets.retention.col_period": "Periodo",
    "widgets.retention.col_active": "Clientes activos",
    "widgets.retention.col_size": "Tamaño de la cohorte",
    "widgets.retention.col_retention": "Retención",
    "widgets.retention.col_start": "Inicio del periodo",
    "widgets.retention.col_churn": "Abandono (churn)",
    "widgets.retention.heat_title": "Retención por cohorte (% activos, {unit} después)",
    "widgets.retention.curve_title": "Curva de retención (media ponderada)",
    "widgets.retention.caption": "Cohortes: clientes activos en cada periodo",
    "widgets.retention.curve_caption": "Retención y abandono por periodo del calendario",
    "widgets.retention.read_curve": (
        "De media, {n1} {unit1} después de su primera visita sigue activo el {r1} de los clientes"
    ),
    "widgets.retention.read_after.W": "; a las {n} semanas, el {r}",
    "widgets.retention.read_after.M": "; a los {n} meses, el {r}",
    "widgets.retention.read_after.D": "; a los {n} días, el {r}",
    "widgets.retention.read_first": (
        "La primera cohorte ({cohort}, {size} clientes) conserva el {r} en el periodo siguiente."
    ),
    "widgets.retention.read_churn": (
        "En el periodo que empieza el {start} se perdió el {churn} de los clientes activos del "
        "periodo anterior (churn) y la retención fue del {retention}."
    ),
    "widgets.retention.read_single": "Solo hay un periodo en los datos: aún no se puede medir la retención.",
    "widgets.retention.unit1.W": "semana",
    "widgets.retention.unit1.M": "mes",
    "widgets.retention.unit1.D": "día",
    # ---- SatisfactionExplorer
    "widgets.sat.title": "Explorador de satisfacción",
    "widgets.sat.metric": "Métrica:",
    "widgets.sat.metric.nps": "NPS (0–10)",
    "widgets.sat.metric.csat": "CSAT (1–5)",
    "widgets.sat.metric.ces": "CES (1–7)",
    "widgets.sat.by": "Comparar por:",
    "widgets.sat.all": "todas las respuestas",
    "widgets.sat.name.nps": "NPS",
    "widgets.sat.name.csat": "CSAT",
    "widgets.sat.name.ces": "CES",
    "widgets.sat.unit.nps": "",
    "widgets.sat.unit.csat": " %",
    "widgets.sat.unit.ces": " de 7",
    "widgets.sat.small": "⚠ muestra pequeña",
    "widgets.sat.ok_sample": "✔ muestra suficiente",
    "widgets.sat.small_warning": (
        "«{group}» tiene solo {n} respuestas (menos de 30): su intervalo es muy ancho; no saques "
        "conclusiones de ese grupo todavía."
    ),
    "widgets.sat.cat.detractor": "detractores (0–6)",
    "widgets.sat.cat.passive": "pasivos (7–8)",
    "widgets.sat.cat.promoter": "promotores (9–10)",
    "widgets.sat.cat.unsatisfied": "no satisfechos (1–3)",
    "widgets.sat.cat.satisfied": "satisfechos (4–5)",
    "widgets.sat.cat.hard": "esfuerzo alto (1–4)",
    "widgets.sat.cat.easy": "de acuerdo: fácil (5–7)",
    "widgets.sat.col_group": "Grupo",
    "widgets.sat.col_n": "Respuestas",
    "widgets.sat.col_value": "Valor",
    "widgets.sat.col_ci": "Intervalo de confianza 95 %",
    "widgets.sat.col_sample": "Muestra",
    "widgets.sat.col_score": "Respuesta",
    "widgets.sat.col_answers": "Número de respuestas",
    "widgets.sat.col_category": "Tipo de respuesta",
    "widgets.sat.value_title": "{name} con su intervalo de confianza (95 %)",
    "widgets.sat.dist_title": "Distribución de las respuestas",
    "widgets.sat.caption": "{name} por grupo, con intervalo de confianza",
    "widgets.sat.label": "{value} (IC {low} a {high}) · n = {n}",
    "widgets.sat.read_single": "El {name} es {value} (IC 95 %: de {low} a {high}; {n} respuestas).",
    "widgets.sat.read_nps_mix": "Hay un {prom} de promotores y un {det} de detractores.",
    "widgets.sat.read_best": (
        "Por {by}, el mejor {name} es el de «{best}» ({best_value}, n = {best_n}) y el peor el de "
        "«{worst}» ({worst_value}, n = {worst_n})."
    ),
    "widgets.sat.read_overlap": (
        "Sus intervalos se solapan: con estos datos la diferencia podría deberse al azar."
    ),
    "widgets.sat.read_clear": "Sus intervalos no se solapan: la diferencia es clara.",
    "widgets.sat.read_one_group": "Por {by} solo hay un grupo con respuestas: «{group}».",
    "widgets.sat.no_answers": (
        "No hay respuestas de {name} (valor '{metric}' en la columna '{column}'). Valores que sí "
        "aparecen: {known}."
    ),
    "widgets.sat.bad_metric": 'La métrica debe ser "nps", "csat" o "ces", no {metric!r}.',
    # ---- AttributionExplorer
    "widgets.attr.title": "Explorador de atribución",
    "widgets.attr.models": "Modelos a comparar:",
    "widgets.attr.model.first_touch": "primer contacto",
    "widgets.attr.model.last_touch": "último contacto",
    "widgets.attr.model.linear": "lineal",
    "widgets.attr.model.time_decay": "decaimiento temporal",
    "widgets.attr.model.position_based": "en U (40/20/40)",
    "widgets.attr.model.markov": "Markov (efecto de eliminación)",
    "widgets.attr.col_channel": "Canal",
    "widgets.attr.col_model": "Modelo",
    "widgets.attr.col_conversions": "Conversiones atribuidas",
    "widgets.attr.col_share": "Parte",
    "widgets.attr.axis": "Conversiones atribuidas",
    "widgets.attr.chart_title": "Conversiones que cada modelo atribuye a cada canal",
    "widgets.attr.caption": "Conversiones atribuidas por canal (columnas: modelos)",
    "widgets.attr.range": "rango entre modelos",
    "widgets.attr.read_top": "Según el modelo «{model}», el canal con más conversiones es «{channel}» ({value}, {pct} del total de {total}).",
    "widgets.attr.read_same": "Todos los modelos elegidos coinciden en el canal principal.",
    "widgets.attr.read_differ": "Los modelos no coinciden en el canal principal: {tops}.",
    "widgets.attr.read_spread": (
        "Donde más discrepan es en «{channel}»: de {low} conversiones ({low_model}) a {high} "
        "({high_model})."
    ),
    "widgets.attr.no_models": "Elige al menos un modelo de atribución. Modelos: {models}.",
}

EN: dict[str, str] = {
    "widgets.column.channel": "channel",
    "widgets.column.device": "device",
    "widgets.column.segment": "segment",
    "widgets.column.stage": "stage",
    "widgets.column.contact_channel": "contact channel",
    "widgets.title": "Explorer",
    "widgets.error": "Error:",
    "widgets.warning": "Note:",
    "widgets.reading": "Reading:",
    "widgets.show_table": "Show the data as a table (alternative to the chart)",
    "widgets.more_rows": "… and {n} more rows (all of them are in .result).",
    "widgets.days": "days",
    "widgets.none": "(none)",
    "widgets.unexpected": (
        "Something failed while computing ({kind}: {message}). Check the data or tell your "
        "instructor."
    ),
    "widgets.funnel.title": "Funnel explorer",
    "widgets.funnel.steps": "Funnel steps (in order):",
    "widgets.funnel.mode": "Funnel type:",
    "widgets.funnel.mode.closed": "Closed (in order)",
    "widgets.funnel.mode.open": "Open (each step on its own)",
    "widgets.funnel.window": "Time to complete it (days, 0 = no limit):",
    "widgets.funnel.by": "Compare by:",
    "widgets.funnel.all": "all",
    "widgets.funnel.drops": "{pct} drop off",
    "widgets.funnel.col_step": "Step",
    "widgets.funnel.col_group": "Group",
    "widgets.funnel.col_customers": "Customers",
    "widgets.funnel.col_from_start": "Conversion from the start",
    "widgets.funnel.col_from_previous": "Conversion from the previous step",
    "widgets.funnel.col_dropoff": "Drop-off",
    "widgets.funnel.col_time": "Median time from the previous step",
    "widgets.funnel.axis_customers": "Customers",
    "widgets.funnel.axis_hours": "Hours (median)",
    "widgets.funnel.axis_minutes": "Minutes (median)",
    "widgets.funnel.axis_days": "Days (median)",
    "widgets.funnel.chart_title": "Customers at each step",
    "widgets.funnel.time_title": "Time to get there from the previous step",
    "widgets.funnel.caption": "Funnel: customers, conversion and drop-off per step",
    "widgets.funnel.read_main": (
        "Of {start} customers who did «{first}», {end} reached «{last}» ({conv} conversion)."
    ),
    "widgets.funnel.read_worst": (
        "The biggest drop-off is between «{prev}» and «{step}»: {pct} of customers do not go on "
        "({n} people)."
    ),
    "widgets.funnel.read_time": "The median time between those two steps is {time}.",
    "widgets.funnel.read_open": (
        "Open funnel: each step counts everybody who did it, even without the previous ones."
    ),
    "widgets.funnel.read_window": "Only customers who finish within {days} days of the first step count.",
    "widgets.funnel.read_by": (
        "By {by}: the best overall conversion is «{best}» ({best_conv}) and the worst «{worst}» "
        "({worst_conv})."
    ),
    "widgets.funnel.read_nobody": "Nobody did the first step «{first}»: the funnel is empty.",
    "widgets.funnel.bad_window": (
        "The time limit must be a whole number of days above 0 (or None / 0 for no limit), "
        "not {value!r}."
    ),
    "widgets.funnel.bad_by": (
        "Cannot compare by '{by}': that column is not in the data. Possible columns: {options}."
    ),
    "widgets.pain.title": "Pain-point finder",
    "widgets.pain.w_dropoff": "Weight of drop-off:",
    "widgets.pain.w_time": "Weight of time lost:",
    "widgets.pain.w_sat": "Weight of dissatisfaction:",
    "widgets.pain.worst_mark": "⚠ worst pain",
    "widgets.pain.bar_label": "#{rank} · drop-off {dropoff} · {hours} · satisf. {sat}",
    "widgets.pain.axis": "Pain index (0 = least, 1 = most)",
    "widgets.pain.chart_title": "Stages ranked by pain",
    "widgets.pain.col_stage": "Stage",
    "widgets.pain.col_rank": "Rank",
    "widgets.pain.col_customers": "Customers",
    "widgets.pain.col_dropoff": "Drop-off",
    "widgets.pain.col_hours": "Hours (median) from the previous stage",
    "widgets.pain.col_sat": "Satisfaction (0–1)",
    "widgets.pain.col_responses": "Answers",
    "widgets.pain.col_score": "Pain index",
    "widgets.pain.caption": "Pain points per stage (rank 1 = the worst)",
    "widgets.pain.assumed": "assumed (your map)",
    "widgets.pain.measured": "measured (surveys)",
    "widgets.pain.curve": "Emotion",
    "widgets.pain.emotion_axis": "Emotion",
    "widgets.pain.in_words": "In words",
    "widgets.pain.no_data": "no data",
    "widgets.pain.cell": "drop-off {dropoff}",
    "widgets.pain.map_title": "Your map «{title}» against the data",
    "widgets.pain.read_top": "The worst pain point is the stage «{stage}»",
    "widgets.pain.read_dropoff": "{pct} of those in the previous stage drop off",
    "widgets.pain.read_hours": "it takes a median of {time} to get there",
    "widgets.pain.read_sat": "its measured satisfaction is {sat} out of 1 ({n} answers)",
    "widgets.pain.read_next": "Next come {stages}.",
    "widgets.pain.read_gap": (
        "Your map assumed a {assumed} emotion at «{stage}»; the surveys say {measured}."
    ),
    "widgets.pain.read_match": "Your map's emotions match the surveys at the measured stages.",
    "widgets.pain.read_missing": "These stages of your map are not in the data: {stages}.",
    "widgets.pain.bad_weights": (
        "The weights must be three numbers ≥ 0, not all 0 (drop-off, time, dissatisfaction), "
        "not {weights!r}."
    ),
    "widgets.pain.no_stages": (
        "No stage of the list appears in the column '{column}'. Stages in the data: {known}."
    ),
    "widgets.paths.title": "Path explorer",
    "widgets.paths.start": "Start at the event:",
    "widgets.paths.end": "End at the event:",
    "widgets.paths.top_n": "Flows per step:",
    "widgets.paths.max_steps": "Steps to show:",
    "widgets.paths.focus": "What do they do after…?",
    "widgets.paths.first_event": "(their first event)",
    "widgets.paths.to_the_end": "(to the end)",
    "widgets.paths.axis_step": "Step of the journey",
    "widgets.paths.axis_share": "Share of the times",
    "widgets.paths.col_link": "Flow",
    "widgets.paths.col_step": "Step",
    "widgets.paths.col_source": "From",
    "widgets.paths.col_target": "To",
    "widgets.paths.col_customers": "Customers",
    "widgets.paths.col_event": "Event",
    "widgets.paths.col_action": "Next action",
    "widgets.paths.col_count": "Times",
    "widgets.paths.col_share": "Share",
    "widgets.paths.chart_title": "Most frequent paths (width = customers)",
    "widgets.paths.next_title": "What they do right after «{event}»",
    "widgets.paths.caption": "Flows between steps (the largest of each step)",
    "widgets.paths.next_caption": "Actions right after «{event}»",
    "widgets.paths.read_start": "{n} customers are followed from «{start}»",
    "widgets.paths.read_all": "{n} customers are followed from their first event",
    "widgets.paths.read_end": " to «{end}»",
    "widgets.paths.read_first_link": (
        "The most common first step is «{source}» → «{target}» ({customers} customers, {pct} of "
        "those who take a second step)."
    ),
    "widgets.paths.read_next": "Right after «{event}», the most frequent is «{action}» ({pct} of the times)",
    "widgets.paths.read_end_share": "; {pct} of the times they do nothing else (end)",
    "widgets.paths.read_nobody": "No customer did «{start}»: there are no paths to show.",
    "widgets.paths.read_no_focus": "Nobody did «{event}».",
    "widgets.paths.bad_event": (
        "The event '{event}' never appears in the column '{column}'. Events that do: {known}."
    ),
    "widgets.paths.bad_number": "{name} must be a whole number between {low} and {high}, not {value!r}.",
    "widgets.retention.title": "Retention explorer",
    "widgets.retention.period": "Group by:",
    "widgets.retention.period.W": "Weeks",
    "widgets.retention.period.M": "Months",
    "widgets.retention.period.D": "Days",
    "widgets.retention.unit.W": "weeks",
    "widgets.retention.unit.M": "months",
    "widgets.retention.unit.D": "days",
    "widgets.retention.axis_period": "{unit} since the first visit",
    "widgets.retention.axis_cohort": "Cohort (first visit)",
    "widgets.retention.col_cohort": "Cohort",
    "widgets.retention.col_period": "Period",
    "widgets.retention.col_active": "Active customers",
    "widgets.retention.col_size": "Cohort size",
    "widgets.retention.col_retention": "Retention",
    "widgets.retention.col_start": "Period start",
    "widgets.retention.col_churn": "Churn",
    "widgets.retention.heat_title": "Retention per cohort (% active, {unit} later)",
    "widgets.retention.curve_title": "Retention curve (weighted mean)",
    "widgets.retention.caption": "Cohorts: active customers in each period",
    "widgets.retention.curve_caption": "Retention and churn per calendar period",
    "widgets.retention.read_curve": (
        "On average, {n1} {unit1} after their first visit {r1} of customers are still active"
    ),
    "widgets.retention.read_after.W": "; after {n} weeks, {r}",
    "widgets.retention.read_after.M": "; after {n} months, {r}",
    "widgets.retention.read_after.D": "; after {n} days, {r}",
    "widgets.retention.read_first": (
        "The first cohort ({cohort}, {size} customers) keeps {r} in the next period."
    ),
    "widgets.retention.read_churn": (
        "In the period starting {start}, {churn} of the previous period's active customers were "
        "lost (churn) and retention was {retention}."
    ),
    "widgets.retention.read_single": "There is only one period in the data: retention cannot be measured yet.",
    "widgets.retention.unit1.W": "week",
    "widgets.retention.unit1.M": "month",
    "widgets.retention.unit1.D": "day",
    "widgets.sat.title": "Satisfaction explorer",
    "widgets.sat.metric": "Metric:",
    "widgets.sat.metric.nps": "NPS (0–10)",
    "widgets.sat.metric.csat": "CSAT (1–5)",
    "widgets.sat.metric.ces": "CES (1–7)",
    "widgets.sat.by": "Compare by:",
    "widgets.sat.all": "all answers",
    "widgets.sat.name.nps": "NPS",
    "widgets.sat.name.csat": "CSAT",
    "widgets.sat.name.ces": "CES",
    "widgets.sat.unit.nps": "",
    "widgets.sat.unit.csat": " %",
    "widgets.sat.unit.ces": " out of 7",
    "widgets.sat.small": "⚠ small sample",
    "widgets.sat.ok_sample": "✔ enough answers",
    "widgets.sat.small_warning": (
        "«{group}» has only {n} answers (fewer than 30): its interval is very wide; do not draw "
        "conclusions about that group yet."
    ),
    "widgets.sat.cat.detractor": "detractors (0–6)",
    "widgets.sat.cat.passive": "passives (7–8)",
    "widgets.sat.cat.promoter": "promoters (9–10)",
    "widgets.sat.cat.unsatisfied": "not satisfied (1–3)",
    "widgets.sat.cat.satisfied": "satisfied (4–5)",
    "widgets.sat.cat.hard": "high effort (1–4)",
    "widgets.sat.cat.easy": "agree: easy (5–7)",
    "widgets.sat.col_group": "Group",
    "widgets.sat.col_n": "Answers",
    "widgets.sat.col_value": "Value",
    "widgets.sat.col_ci": "95 % confidence interval",
    "widgets.sat.col_sample": "Sample",
    "widgets.sat.col_score": "Answer",
    "widgets.sat.col_answers": "Number of answers",
    "widgets.sat.col_category": "Kind of answer",
    "widgets.sat.value_title": "{name} with its confidence interval (95 %)",
    "widgets.sat.dist_title": "Distribution of the answers",
    "widgets.sat.caption": "{name} per group, with confidence interval",
    "widgets.sat.label": "{value} (CI {low} to {high}) · n = {n}",
    "widgets.sat.read_single": "The {name} is {value} (95 % CI: {low} to {high}; {n} answers).",
    "widgets.sat.read_nps_mix": "There are {prom} promoters and {det} detractors.",
    "widgets.sat.read_best": (
        "By {by}, the best {name} is «{best}» ({best_value}, n = {best_n}) and the worst "
        "«{worst}» ({worst_value}, n = {worst_n})."
    ),
    "widgets.sat.read_overlap": "Their intervals overlap: with these data the gap could be chance.",
    "widgets.sat.read_clear": "Their intervals do not overlap: the difference is clear.",
    "widgets.sat.read_one_group": "By {by} there is only one group with answers: «{group}».",
    "widgets.sat.no_answers": (
        "There are no {name} answers (value '{metric}' in the column '{column}'). Values that do "
        "appear: {known}."
    ),
    "widgets.sat.bad_metric": 'The metric must be "nps", "csat" or "ces", not {metric!r}.',
    "widgets.attr.title": "Attribution explorer",
    "widgets.attr.models": "Models to compare:",
    "widgets.attr.model.first_touch": "first touch",
    "widgets.attr.model.last_touch": "last touch",
    "widgets.attr.model.linear": "linear",
    "widgets.attr.model.time_decay": "time decay",
    "widgets.attr.model.position_based": "U-shaped (40/20/40)",
    "widgets.attr.model.markov": "Markov (removal effect)",
    "widgets.attr.col_channel": "Channel",
    "widgets.attr.col_model": "Model",
    "widgets.attr.col_conversions": "Credited conversions",
    "widgets.attr.col_share": "Share",
    "widgets.attr.axis": "Credited conversions",
    "widgets.attr.chart_title": "Conversions each model credits to each channel",
    "widgets.attr.caption": "Credited conversions per channel (columns: models)",
    "widgets.attr.range": "range across models",
    "widgets.attr.read_top": "By the «{model}» model, the channel with most conversions is «{channel}» ({value}, {pct} of {total}).",
    "widgets.attr.read_same": "All the chosen models agree on the main channel.",
    "widgets.attr.read_differ": "The models disagree on the main channel: {tops}.",
    "widgets.attr.read_spread": (
        "They disagree most on «{channel}»: from {low} conversions ({low_model}) to {high} "
        "({high_model})."
    ),
    "widgets.attr.no_models": "Choose at least one attribution model. Models: {models}.",
}
