"""Messages of ``cjcourse app``: the journey-map builder and the measuring widgets without code."""

ES: dict[str, str] = {
    "app.help": (
        "Abre el constructor de mapas y los exploradores de medición como una aplicación web "
        "(sin código) en tu navegador."
    ),
    "app.help_port": "Puerto local de la aplicación (por defecto, el primero libre desde 8866).",
    "app.help_dir": (
        "Carpeta donde se guardan y exportan tus mapas (por defecto, ~/cjcourse-curso/app)."
    ),
    "app.starting": "Abriendo la aplicación en {url}",
    "app.folder": "Tus mapas se guardan en: {path}",
    "app.how_to_stop": "Para cerrarla, pulsa Ctrl+C en esta ventana.",
    "app.voila_missing": (
        "Falta Voilà, que sirve la aplicación. Instálalo en el entorno del curso con "
        "`pip install voila` y vuelve a ejecutar `cjcourse app`."
    ),
    "app.page_title": "Customer Journey: mapa y medición",
    "app.title": "Customer Journey: mapa y medición",
    "app.intro": (
        "Construye el mapa del viaje de tu cliente y mide cómo se comporta, sin escribir código. "
        "Tus mapas se guardan en la carpeta {path}."
    ),
    "app.tab_map": "Mapa del viaje",
    "app.tab_measure": "Medición",
    "app.data_note": (
        "Datos de ejemplo: una tienda en línea simulada (La Tienda de Lola), 90 días de eventos "
        "y encuestas."
    ),
    "app.tab_funnel": "Embudo",
    "app.tab_paths": "Rutas",
    "app.tab_retention": "Retención",
    "app.tab_satisfaction": "Satisfacción",
    "app.tab_attribution": "Atribución",
    "app.tab_pain_points": "Puntos de dolor",
}

EN: dict[str, str] = {
    "app.help": (
        "Open the journey-map builder and the measuring explorers as a web app (no code) in "
        "your browser."
    ),
    "app.help_port": "Local port of the app (by default the first free one from 8866).",
    "app.help_dir": "Folder where your maps are saved and exported (default ~/cjcourse-curso/app).",
    "app.starting": "Opening the app at {url}",
    "app.folder": "Your maps are saved in: {path}",
    "app.how_to_stop": "To close it, press Ctrl+C in this window.",
    "app.voila_missing": (
        "Voilà, which serves the app, is missing. Install it in the course environment with "
        "`pip install voila` and run `cjcourse app` again."
    ),
    "app.page_title": "Customer Journey: map and measurement",
    "app.title": "Customer Journey: map and measurement",
    "app.intro": (
        "Build your customer's journey map and measure how customers behave, without writing "
        "code. Your maps are saved in the folder {path}."
    ),
    "app.tab_map": "Journey map",
    "app.tab_measure": "Measurement",
    "app.data_note": (
        "Sample data: a simulated online shop (La Tienda de Lola), 90 days of events and surveys."
    ),
    "app.tab_funnel": "Funnel",
    "app.tab_paths": "Paths",
    "app.tab_retention": "Retention",
    "app.tab_satisfaction": "Satisfaction",
    "app.tab_attribution": "Attribution",
    "app.tab_pain_points": "Pain points",
}
