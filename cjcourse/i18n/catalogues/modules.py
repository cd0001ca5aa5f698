"""Messages of modules 2 and 4: stage-model explorer, before/after comparison (pure and widgets)."""

ES: dict[str, str] = {
    # ---- cjcourse.comparison
    "modules.error.confidence": "El nivel de confianza debe estar entre 0 y 1 (por ejemplo 0.95); has puesto {value}.",
    "modules.error.missing_column": "Falta la columna '{column}'. Columnas encontradas: {found}.",
    "modules.error.design": "Diseño desconocido '{value}'. Opciones: {options}.",
    "modules.comparison.reading.antes_despues": (
        "Antes del cambio, {rate_a} % de los carritos terminaron en pedido; después, {rate_b} %. "
        "Diferencia: {diff} puntos porcentuales (intervalo de confianza del 95 %: de {low} a {high})."
    ),
    "modules.comparison.reading.ab": (
        "En las mismas fechas, con el proceso de pago antiguo (grupo A) {rate_a} % de los carritos "
        "terminaron en pedido, y con el nuevo (grupo B) {rate_b} %. Diferencia: {diff} puntos "
        "porcentuales (intervalo de confianza del 95 %: de {low} a {high})."
    ),
    "modules.comparison.verdict.zero": (
        "El intervalo incluye el 0: con estos datos no se puede afirmar que haya una diferencia."
    ),
    "modules.comparison.verdict.clear": (
        "El intervalo no incluye el 0: la diferencia es mayor de lo que explicaría el azar."
    ),
    "modules.comparison.caveat.antes_despues": (
        "Cuidado: entre un periodo y otro cambiaron más cosas que el proceso de pago (la temporada, "
        "las campañas…), y esta comparación las mezcla todas con el efecto del cambio."
    ),
    "modules.comparison.caveat.ab": (
        "Como los dos grupos conviven en las mismas semanas y el reparto es al azar, la temporada "
        "les afecta por igual: la diferencia se puede atribuir al nuevo proceso de pago."
    ),
    # ---- StageModelExplorer (cjcourse.widgets.stage_models)
    "modules.stage_explorer.model": "Modelo de etapas:",
    "modules.stage_explorer.header": "{name} · {n} etapas · fuente: {source}.",
    "modules.stage_explorer.col_course": "Etapa del curso",
    "modules.stage_explorer.col_model": "Etapa en «{name}»",
    "modules.stage_explorer.all_covered": "Todas las etapas del curso tienen equivalente en este modelo.",
    "modules.stage_explorer.uncovered": (
        "Etapas del curso sin equivalente en este modelo: {stages}."
    ),
    "modules.stage_explorer.same": "Es el modelo del curso: cada etapa se corresponde consigo misma.",
    "modules.stage_explorer.loop": "Además, el modelo tiene un salto hacia atrás ({label}): de «{from_stage}» a «{to_stage}».",
    # ---- BeforeAfterExplorer (cjcourse.widgets.before_after)
    "modules.before_after.design": "Cómo se mide el cambio:",
    "modules.before_after.design.antes_despues": "Antes y después",
    "modules.before_after.design.ab": "Prueba A/B",
    "modules.before_after.days": "Días de cada periodo:",
    "modules.before_after.col_group": "Grupo",
    "modules.before_after.col_carts": "Carritos",
    "modules.before_after.col_orders": "Pedidos",
    "modules.before_after.col_rate": "Carritos que terminan en pedido (%)",
    "modules.before_after.col_interval": "Intervalo de confianza del 95 %",
    "modules.before_after.group.antes": "antes del cambio (proceso antiguo)",
    "modules.before_after.group.después": "después del cambio (proceso nuevo)",
    "modules.before_after.group.A": "A: proceso antiguo",
    "modules.before_after.group.B": "B: proceso nuevo",
}

EN: dict[str, str] = {
    # ---- cjcourse.comparison
    "modules.error.confidence": "The confidence level must be between 0 and 1 (for example 0.95); you gave {value}.",
    "modules.error.missing_column": "Column '{column}' is missing. Columns found: {found}.",
    "modules.error.design": "Unknown design '{value}'. Options: {options}.",
    "modules.comparison.reading.antes_despues": (
        "Before the change, {rate_a} % of carts ended in an order; after it, {rate_b} %. "
        "Difference: {diff} percentage points (95 % confidence interval: {low} to {high})."
    ),
    "modules.comparison.reading.ab": (
        "In the same weeks, {rate_a} % of carts ended in an order with the old checkout (group A) "
        "and {rate_b} % with the new one (group B). Difference: {diff} percentage points "
        "(95 % confidence interval: {low} to {high})."
    ),
    "modules.comparison.verdict.zero": (
        "The interval includes 0: these data do not show a difference."
    ),
    "modules.comparison.verdict.clear": (
        "The interval does not include 0: the difference is larger than chance would explain."
    ),
    "modules.comparison.caveat.antes_despues": (
        "Careful: more than the checkout changed between the two periods (the season, campaigns…), "
        "and this comparison mixes all of it with the effect of the change."
    ),
    "modules.comparison.caveat.ab": (
        "Both groups share the same weeks and carts were assigned at random, so the season affects "
        "them equally: the difference can be attributed to the new checkout."
    ),
    # ---- StageModelExplorer
    "modules.stage_explorer.model": "Stage model:",
    "modules.stage_explorer.header": "{name} · {n} stages · source: {source}.",
    "modules.stage_explorer.col_course": "Course stage",
    "modules.stage_explorer.col_model": "Stage in “{name}”",
    "modules.stage_explorer.all_covered": "Every course stage has an equivalent in this model.",
    "modules.stage_explorer.uncovered": "Course stages with no equivalent in this model: {stages}.",
    "modules.stage_explorer.same": "This is the course model: every stage matches itself.",
    "modules.stage_explorer.loop": "The model also jumps back ({label}): from “{from_stage}” to “{to_stage}”.",
    # ---- BeforeAfterExplorer
    "modules.before_after.design": "How the change is measured:",
    "modules.before_after.design.antes_despues": "Before and after",
    "modules.before_after.design.ab": "A/B test",
    "modules.before_after.days": "Days in each period:",
    "modules.before_after.col_group": "Group",
    "modules.before_after.col_carts": "Carts",
    "modules.before_after.col_orders": "Orders",
    "modules.before_after.col_rate": "Carts ending in an order (%)",
    "modules.before_after.col_interval": "95 % confidence interval",
    "modules.before_after.group.antes": "before the change (old checkout)",
    "modules.before_after.group.después": "after the change (new checkout)",
    "modules.before_after.group.A": "A: old checkout",
    "modules.before_after.group.B": "B: new checkout",
}
