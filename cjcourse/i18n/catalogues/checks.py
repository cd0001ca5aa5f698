"""Messages of the in-notebook checks (cjcourse.grading.checks) and type names."""

ES: dict[str, str] = {
    # ---- tipos de Python explicados a quien no programa
    "type.str": "un texto",
    "type.int": "un número entero",
    "type.float": "un número decimal",
    "type.bool": "un valor verdadero/falso",
    "type.list": "una lista",
    "type.tuple": "una tupla",
    "type.set": "un conjunto",
    "type.dict": "un diccionario",
    "type.NoneType": "None (vacío)",
    "type.DataFrame": "una tabla (DataFrame)",
    # ---- comprobaciones dentro de los cuadernos
    "check.ok": "¡Correcto!",
    "check.hint_prefix": "Pista:",
    "check.missing_variable": (
        "No encuentro la variable `{name}`. Ejecuta primero la celda de tu respuesta "
        "(Mayús + Intro) y comprueba que el nombre está escrito igual."
    ),
    "check.not_answered": (
        "Todavía no has respondido `{name}`: sustituye None por tu respuesta, "
        "por ejemplo {example}, y vuelve a ejecutar la celda."
    ),
    "check.choice_not_text": (
        '`{name}` debe ser un texto entre comillas, por ejemplo "{example}"; ahora es {kind}.'
    ),
    "check.choice_unknown": (
        "«{value}» no es una de las opciones de `{name}`. Opciones válidas: {options}."
    ),
    "check.choice_wrong": (
        "La opción «{value}» no es la correcta para `{name}`. Vuelve a leer la sección y "
        "prueba otra vez.{hint}"
    ),
    "check.choices_not_list": (
        '`{name}` debe ser una lista entre corchetes, por ejemplo ["a", "c"]; ahora es {kind}.'
    ),
    "check.choices_repeated": "Hay opciones repetidas en `{name}`: escribe cada letra una sola vez.",
    "check.choices_empty": "La lista `{name}` está vacía: elige al menos una opción.",
    "check.choices_wrong": (
        "Tu selección de {n} opción(es) en `{name}` no es exacta: o falta alguna correcta o "
        "sobra alguna incorrecta. Revisa cada afirmación una por una.{hint}"
    ),
    "check.number_is_text": (
        "`{name}` es un texto («{value}»); escribe el número sin comillas, por ejemplo {name} = 42."
    ),
    "check.number_wrong_type": "`{name}` debe ser un número; ahora es {kind}.",
    "check.number_not_finite": "`{name}` no es un número finito: revisa el cálculo.",
    "check.number_wrong": "{value} {unit} no es el valor esperado para `{name}`.{hint}",
    "check.text_not_text": "`{name}` debe ser un texto entre comillas; ahora es {kind}.",
    "check.text_too_short": (
        "Tu respuesta en `{name}` tiene {words} palabra(s); escribe al menos {min_words} "
        "para explicar tu idea."
    ),
    "check.text_ok": "Respuesta recibida ({words} palabras). La corregirá tu profesor/a.",
    "check.mapping_not_dict": (
        '`{name}` debe ser un diccionario entre llaves {{"elemento": "categoría", …}}; '
        "ahora es {kind}."
    ),
    "check.table_not_frame": "`{name}` debe ser la tabla (DataFrame) que te damos; ahora es {kind}.",
    "check.table_missing_column": (
        "A la tabla `{name}` le falta la columna «{column}». Columnas encontradas: {found}. "
        "Vuelve a ejecutar la celda original de la tabla."
    ),
    "check.table_duplicate_row": "La fila «{row}» aparece dos veces en `{name}`: deja solo una.",
    "check.mapping_missing_keys": (
        "En `{name}` faltan estos elementos: {keys}. No borres ninguna fila: solo cambia los None."
    ),
    "check.mapping_extra_keys": (
        "En `{name}` hay elementos que no estaban en la pregunta: {keys}. "
        "Revisa que no hayas cambiado el texto de la izquierda."
    ),
    "check.mapping_empty": (
        "En `{name}` quedan {n} sin responder: {keys}. Sustituye cada None por tu respuesta."
    ),
    "check.mapping_not_allowed": (
        "En `{name}` hay respuestas que no son de la lista permitida: {items}. "
        "Usa una de estas: {allowed}."
    ),
    "check.mapping_wrong": ("Has acertado {right} de {total} en `{name}`. Revisa: {keys}.{hint}"),
    "check.mapping_ok": "¡Correcto! Los {total} elementos están bien.",
}

EN: dict[str, str] = {
    "type.str": "a text",
    "type.int": "a whole number",
    "type.float": "a decimal number",
    "type.bool": "a true/false value",
    "type.list": "a list",
    "type.tuple": "a tuple",
    "type.set": "a set",
    "type.dict": "a dictionary",
    "type.NoneType": "None (empty)",
    "type.DataFrame": "a table (DataFrame)",
    "check.ok": "Correct!",
    "check.hint_prefix": "Hint:",
    "check.missing_variable": (
        "I cannot find the variable `{name}`. Run your answer cell first (Shift + Enter) and "
        "check that the name is spelled the same."
    ),
    "check.not_answered": (
        "You have not answered `{name}` yet: replace None with your answer, for example "
        "{example}, and run the cell again."
    ),
    "check.choice_not_text": (
        '`{name}` must be a text in quotes, for example "{example}"; it is {kind}.'
    ),
    "check.choice_unknown": "«{value}» is not one of the options for `{name}`. Valid: {options}.",
    "check.choice_wrong": (
        "Option «{value}» is not the right one for `{name}`. Read the section again and "
        "retry.{hint}"
    ),
    "check.choices_not_list": (
        '`{name}` must be a list in square brackets, for example ["a", "c"]; it is {kind}.'
    ),
    "check.choices_repeated": "Some options are repeated in `{name}`: write each letter once.",
    "check.choices_empty": "The list `{name}` is empty: choose at least one option.",
    "check.choices_wrong": (
        "Your selection of {n} option(s) in `{name}` is not exact: a right one is missing or a "
        "wrong one is included. Check each statement one by one.{hint}"
    ),
    "check.number_is_text": (
        "`{name}` is a text («{value}»); write the number without quotes, e.g. {name} = 42."
    ),
    "check.number_wrong_type": "`{name}` must be a number; it is {kind}.",
    "check.number_not_finite": "`{name}` is not a finite number: check the calculation.",
    "check.number_wrong": "{value} {unit} is not the expected value for `{name}`.{hint}",
    "check.text_not_text": "`{name}` must be a text in quotes; it is {kind}.",
    "check.text_too_short": (
        "Your answer in `{name}` has {words} word(s); write at least {min_words} to explain it."
    ),
    "check.text_ok": "Answer received ({words} words). Your instructor will grade it.",
    "check.mapping_not_dict": (
        '`{name}` must be a dictionary in braces {{"item": "category", …}}; it is {kind}.'
    ),
    "check.table_not_frame": "`{name}` must be the table (DataFrame) we gave you; it is {kind}.",
    "check.table_missing_column": (
        "Table `{name}` lacks the column «{column}». Columns found: {found}. Run the original "
        "table cell again."
    ),
    "check.table_duplicate_row": "Row «{row}» appears twice in `{name}`: keep only one.",
    "check.mapping_missing_keys": (
        "These items are missing from `{name}`: {keys}. Do not delete rows: only replace None."
    ),
    "check.mapping_extra_keys": (
        "`{name}` has items that were not in the question: {keys}. Check that you did not "
        "change the text on the left."
    ),
    "check.mapping_empty": "{n} still unanswered in `{name}`: {keys}. Replace each None.",
    "check.mapping_not_allowed": (
        "Some answers in `{name}` are not in the allowed list: {items}. Use one of: {allowed}."
    ),
    "check.mapping_wrong": "You got {right} of {total} right in `{name}`. Check: {keys}.{hint}",
    "check.mapping_ok": "Correct! All {total} items are right.",
}
