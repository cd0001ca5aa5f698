"""Messages about the student's identity and the per-student checks (cjcourse.grading.student)."""

ES: dict[str, str] = {
    "student.using_demo": (
        "No has escrito tu identificador en mi_id: uso los datos de ejemplo («{demo}»). Si "
        "estudias por tu cuenta, no pasa nada. Si entregas este cuaderno en un curso, escribe "
        'tu identificador (por ejemplo, mi_id = "ana.garcia") y vuelve a ejecutar el cuaderno '
        "desde aquí: tus respuestas deben salir de tus propios datos."
    ),
    "student.mismatch": (
        "Este cuaderno declara mi_id = «{declared}», pero se está corrigiendo como el de "
        "«{graded}». Cada estudiante trabaja con sus propios datos: escribe tu propio "
        "identificador en mi_id y vuelve a calcular tus respuestas."
    ),
    "student.not_text": (
        'mi_id debe ser un texto entre comillas, por ejemplo mi_id = "ana.garcia"; ahora es {kind}.'
    ),
    "student.text_wrong": (
        "«{value}» no es {what} en tus datos (la tienda de «{student}»). Vuelve a mirar la "
        "tabla de tu tienda: ¿has ejecutado las celdas de arriba después de escribir tu mi_id?"
    ),
    "student.number_wrong": (
        "{value} no coincide con {what} que sale de tus datos (la tienda de «{student}»). "
        "Comprueba la fila y la columna que has leído y que has ejecutado las celdas de arriba "
        "después de escribir tu mi_id."
    ),
    "student.number_share": (
        "`{name}` = {value} parece una proporción; escribe el porcentaje (multiplica por 100), "
        "sin el símbolo %."
    ),
    "student.answer.paso_mas_abandono": "el paso del embudo con el mayor abandono",
    "student.answer.abandono_paso_pct": "el abandono (en %) del paso con más abandono",
    "student.answer.canal_peor": "el canal con más abandono en ese paso",
    "student.answer.perdidos_canal": "el número de clientes perdidos en ese paso y ese canal",
}

EN: dict[str, str] = {
    "student.using_demo": (
        "You have not written your id in mi_id: using the example data («{demo}»). If you "
        "study on your own, that is fine. If you hand this notebook in for a course, write your "
        'id (for example mi_id = "ana.garcia") and run the notebook again from here: your '
        "answers must come from your own data."
    ),
    "student.mismatch": (
        "This notebook declares mi_id = «{declared}», but it is being graded as «{graded}»'s. "
        "Every student works with their own data: write your own id in mi_id and compute your "
        "answers again."
    ),
    "student.not_text": (
        'mi_id must be a text in quotes, for example mi_id = "ana.garcia"; it is {kind}.'
    ),
    "student.text_wrong": (
        "«{value}» is not {what} in your data (the shop of «{student}»). Look at your shop's "
        "table again: did you run the cells above after writing your mi_id?"
    ),
    "student.number_wrong": (
        "{value} does not match {what} in your data (the shop of «{student}»). Check the row "
        "and column you read, and that you ran the cells above after writing your mi_id."
    ),
    "student.number_share": (
        "`{name}` = {value} looks like a share; write the percentage (multiply by 100), "
        "without the % sign."
    ),
    "student.answer.paso_mas_abandono": "the funnel step with the highest drop-off",
    "student.answer.abandono_paso_pct": "the drop-off (in %) of the step with the most drop-off",
    "student.answer.canal_peor": "the channel with the most drop-off at that step",
    "student.answer.perdidos_canal": "the number of customers lost at that step in that channel",
}
