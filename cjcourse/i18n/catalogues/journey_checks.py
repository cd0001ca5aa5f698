"""Messages of the journey-map checks (cjcourse.grading.journey_checks), module 3."""

ES: dict[str, str] = {
    "jcheck.not_answered": (
        "`{name}` está vacía (None). Ejecuta la celda del constructor, construye tu mapa y "
        "vuelve a ejecutar la celda de tu respuesta: `{name} = constructor.journey`."
    ),
    "jcheck.not_a_map": (
        "`{name}` debe ser un mapa del viaje (lo que devuelve `constructor.journey`); ahora es "
        "{kind}. No cambies la línea `{name} = constructor.journey`."
    ),
    "jcheck.invalid_map": "`{name}` no es un mapa válido: {problem}",
    "jcheck.empty_map": (
        "Todavía no has construido tu mapa: `{name}` no tiene persona, tarjetas ni emociones. "
        "Constrúyelo en el constructor (se guarda solo en mi_mapa.json), ejecuta otra vez la "
        "celda de tu respuesta y después esta."
    ),
    "jcheck.stages_missing": (
        "A `{name}` le faltan las etapas {stages}. El escenario usa estas etapas, en este orden: "
        "{expected}. Cámbiales el nombre o añádelas en la sección «Etapas» del constructor."
    ),
    "jcheck.stages_extra": (
        "`{name}` tiene etapas que el escenario no usa: {stages}. Elimínalas (o cámbiales el "
        "nombre) en la sección «Etapas»: el escenario usa solo {expected}."
    ),
    "jcheck.stages_order": (
        "Las etapas de `{name}` no están en el orden del escenario: en la posición {position} "
        "debería ir «{expected}» y está «{found}». Elige la etapa en el constructor y muévela "
        "con «Mover antes» o «Mover después»."
    ),
    "jcheck.no_persona": (
        "Falta la persona de `{name}`: escribe al menos su nombre en la sección «Mapa y "
        "persona» del constructor."
    ),
    "jcheck.few_touchpoints": (
        "Estas etapas de `{name}` tienen menos de {n} punto(s) de contacto: {stages}. Añade "
        "una tarjeta en el carril «puntos de contacto» de cada una, con su canal."
    ),
    "jcheck.no_emotion": (
        "Falta la emoción de estas etapas de `{name}`: {stages}. Elige cada etapa y mueve el "
        "control «Emoción actual» (de −2 a +2); si la emoción es 0, marca la casilla «Emoción "
        "registrada»."
    ),
    "jcheck.no_pain_points": (
        "`{name}` no tiene ningún punto de dolor. Vuelve a leer el escenario: ¿qué problemas "
        "encuentra la persona? Añádelos en el carril «puntos de dolor» de su etapa."
    ),
    "jcheck.pain_stages_wrong": (
        "Los puntos de dolor de `{name}` están en {stages}, y eso no coincide con lo que "
        "cuenta el escenario. Vuelve a leerlo: ¿en qué etapas tiene problemas la persona? "
        "Anota solo los problemas del escenario, cada uno en su etapa.{hint}"
    ),
    "jcheck.lowest_without_pain": (
        "La curva emocional de `{name}` toca fondo ({value}) en «{stage}», pero en esa etapa "
        "no hay ningún punto de dolor. La curva debe bajar donde están los problemas: revisa "
        "las emociones o los puntos de dolor."
    ),
    "jcheck.no_dip_at_pain": (
        "En «{stage}» hay un punto de dolor, pero la curva emocional de `{name}` no baja ahí: "
        "su emoción ({value}) no es más baja que la de «{other}» ({other_value}), una etapa "
        "cercana sin dolor. Ajusta la «Emoción actual» de esas etapas."
    ),
    "jcheck.structure_ok": (
        "¡Correcto! Tu mapa tiene las {n} etapas en orden, puntos de contacto en todas y la "
        "curva emocional baja donde están los puntos de dolor."
    ),
    "jcheck.structure_ok_no_dip": (
        "¡Correcto! Tu mapa tiene las {n} etapas en orden y puntos de contacto en todas."
    ),
}

EN: dict[str, str] = {
    "jcheck.not_answered": (
        "`{name}` is empty (None). Run the builder cell, build your map and run your answer "
        "cell again: `{name} = constructor.journey`."
    ),
    "jcheck.not_a_map": (
        "`{name}` must be a journey map (what `constructor.journey` returns); it is {kind}. "
        "Do not change the line `{name} = constructor.journey`."
    ),
    "jcheck.invalid_map": "`{name}` is not a valid map: {problem}",
    "jcheck.empty_map": (
        "You have not built your map yet: `{name}` has no persona, cards or emotions. Build it "
        "in the builder (it is saved to mi_mapa.json by itself), run your answer cell again and "
        "then this one."
    ),
    "jcheck.stages_missing": (
        "`{name}` is missing the stages {stages}. The scenario uses these stages, in this "
        "order: {expected}. Rename or add them in the «Etapas» section of the builder."
    ),
    "jcheck.stages_extra": (
        "`{name}` has stages the scenario does not use: {stages}. Remove (or rename) them in "
        "the «Etapas» section: the scenario only uses {expected}."
    ),
    "jcheck.stages_order": (
        "The stages of `{name}` are not in the scenario's order: position {position} should be "
        "«{expected}» but it is «{found}». Pick the stage in the builder and move it with "
        "«Mover antes» or «Mover después»."
    ),
    "jcheck.no_persona": (
        "`{name}` has no persona: write at least a name in the «Mapa y persona» section of "
        "the builder."
    ),
    "jcheck.few_touchpoints": (
        "These stages of `{name}` have fewer than {n} touchpoint(s): {stages}. Add a card to "
        "the «puntos de contacto» lane of each one, with its channel."
    ),
    "jcheck.no_emotion": (
        "The emotion of these stages of `{name}` is missing: {stages}. Pick each stage and move "
        "the «Emoción actual» slider (−2 to +2); if the emotion is 0, tick the «Emoción "
        "registrada» box."
    ),
    "jcheck.no_pain_points": (
        "`{name}` has no pain point. Read the scenario again: which problems does the persona "
        "meet? Add them to the «puntos de dolor» lane of their stage."
    ),
    "jcheck.pain_stages_wrong": (
        "The pain points of `{name}` are in {stages}, which does not match the scenario. Read "
        "it again: in which stages does the persona have problems? Record only the scenario's "
        "problems, each in its stage.{hint}"
    ),
    "jcheck.lowest_without_pain": (
        "The emotion curve of `{name}` hits bottom ({value}) at «{stage}», but that stage has "
        "no pain point. The curve should dip where the problems are: check the emotions or the "
        "pain points."
    ),
    "jcheck.no_dip_at_pain": (
        "«{stage}» has a pain point, but the emotion curve of `{name}` does not dip there: its "
        "emotion ({value}) is not lower than that of «{other}» ({other_value}), a nearby stage "
        "without pain. Adjust the «Emoción actual» of those stages."
    ),
    "jcheck.structure_ok": (
        "Correct! Your map has the {n} stages in order, touchpoints in all of them and the "
        "emotion curve dips where the pain points are."
    ),
    "jcheck.structure_ok_no_dip": (
        "Correct! Your map has the {n} stages in order and touchpoints in all of them."
    ),
}
