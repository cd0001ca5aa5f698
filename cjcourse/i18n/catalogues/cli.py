"""Messages of the command line, the student workspace, the student build and the self-check."""

ES: dict[str, str] = {
    # course and build
    "course.missing": (
        "No encuentro la carpeta del curso en {path}. Ejecuta la orden desde el repositorio de "
        "cjcourse o indica la carpeta con --course RUTA."
    ),
    "course.empty": (
        "La carpeta del curso {path} no tiene módulos (carpetas module*/ con cuadernos .ipynb)."
    ),
    "release.failed": (
        "nbgrader no pudo preparar la versión de estudiante de {module}: {detail}. "
        "Revisa que los cuadernos de course/{module}/ sean válidos (el profesorado puede "
        "ejecutar `nbgrader generate_assignment {module}` para ver el detalle)."
    ),
    # workspace
    "workspace.ready": "✔ Espacio de trabajo listo en {path} ({n} módulos).",
    "workspace.building": "Preparando la versión de estudiante de {module} (tarda unos segundos)…",
    "workspace.added": "nuevo: {file}",
    "workspace.updated": "actualizado (no lo habías modificado): {file}",
    "workspace.offered": (
        "hay una versión nueva de {file}; como lo has modificado, tu copia queda intacta y la "
        "nueva está en {new}"
    ),
    "workspace.corrupted": (
        "{file} está dañado (no es un cuaderno válido). No lo he tocado; tienes una copia nueva "
        "en {new}. Si necesitas recuperar algo, ábrelo con un editor de texto."
    ),
    "workspace.not_a_folder": (
        "{path} es un archivo, no una carpeta. Elige otra carpeta con --workspace RUTA."
    ),
    "workspace.parent_missing": (
        "No puedo crear el espacio de trabajo {path} porque la carpeta {parent} no existe. "
        "Créala primero o elige otra con --workspace RUTA."
    ),
    "workspace.not_writable": (
        "No puedo escribir en {path} ({detail}). Elige una carpeta tuya con --workspace RUTA, "
        "por ejemplo --workspace ~/curso-cj."
    ),
    "workspace.busy": (
        "Ya hay otro `cjcourse start` preparando {path}. Espera a que termine o ciérralo."
    ),
    "workspace.manifest_damaged": (
        "El registro interno del espacio de trabajo estaba dañado; lo he guardado en {path} y "
        "he empezado uno nuevo. Tus cuadernos no se han tocado."
    ),
    # command line
    "cli.description": (
        "Curso del Customer Journey en Jupyter: `cjcourse start` abre el curso y "
        "`cjcourse check CUADERNO` comprueba tus respuestas."
    ),
    "cli.help_start": "Prepara tu espacio de trabajo con los módulos y abre JupyterLab.",
    "cli.help_workspace": "Carpeta de tu espacio de trabajo (por defecto ~/cjcourse-curso).",
    "cli.help_port": "Puerto de JupyterLab (por defecto, el primero libre desde 8888).",
    "cli.help_no_browser": "No abrir el navegador automáticamente.",
    "cli.help_prepare_only": "Solo preparar el espacio de trabajo, sin abrir JupyterLab.",
    "cli.help_course": "Carpeta con las fuentes del curso (por defecto, course/ del repositorio).",
    "cli.help_lang": "Idioma de los mensajes: es (por defecto) o en.",
    "cli.help_check": "Comprueba las respuestas de uno o varios cuadernos, pregunta por pregunta.",
    "cli.help_notebooks": "Cuadernos .ipynb que quieres comprobar.",
    "cli.help_timeout": "Segundos máximos por celda (por defecto 120).",
    "cli.port_invalid": "El puerto {port} no es válido: usa un número entre 1 y 65535.",
    "cli.port_busy": (
        "El puerto {port} ya está en uso (¿tienes otro JupyterLab abierto?). Ciérralo o elige "
        "otro puerto, por ejemplo --port {other}."
    ),
    "cli.no_free_port": (
        "No hay ningún puerto libre entre {first} y {last}. Cierra otros JupyterLab o indica "
        "uno con --port."
    ),
    "cli.lab_starting": "Abriendo JupyterLab en {url}",
    "cli.workspace_is": "Tus cuadernos están en {path}",
    "cli.how_to_stop": (
        "Para cerrar el curso, guarda (Ctrl+S) y pulsa Ctrl+C en esta ventana. JupyterLab "
        "guarda solo cada 30 segundos."
    ),
    "cli.check_all_passed": "✔ Todas las comprobaciones automáticas están superadas.",
    "cli.check_some_failed": (
        "✘ Aún quedan comprobaciones sin superar: corrige las marcadas con ✘ y vuelve a comprobar."
    ),
    "cli.interrupted": "Interrumpido.",
    # self-check
    "selfcheck.not_found": "No existe el cuaderno {path}. Revisa el nombre y la carpeta.",
    "selfcheck.not_json": (
        "{path} está dañado: no es un cuaderno válido (JSON). Usa la copia nueva que crea "
        "`cjcourse start` junto a él."
    ),
    "selfcheck.not_notebook": "{path} no es un cuaderno de Jupyter válido: {detail}",
    "selfcheck.no_checks": "Este cuaderno no tiene preguntas con corrección automática.",
    "selfcheck.points": "puntos",
    "selfcheck.summary": (
        "Resumen: {passed} de {total} comprobaciones superadas · {score} de {max_score} puntos "
        "automáticos."
    ),
    "selfcheck.summary_manual": "{n} respuesta(s) abierta(s) las corrige tu profesor/a.",
    "selfcheck.manual_pending": "respuesta abierta: la corrige tu profesor/a a mano.",
    "selfcheck.manual_empty": "respuesta abierta sin escribir todavía.",
    "selfcheck.not_run": "esta comprobación no llegó a ejecutarse (una celda anterior se detuvo).",
    "selfcheck.name_error": (
        "falta una variable ({detail}). Ejecuta la celda de tu respuesta y revisa el nombre."
    ),
    "selfcheck.syntax_error": (
        "hay un error de escritura en el código ({detail}): revisa comillas, comas y paréntesis."
    ),
    "selfcheck.stderr": "la celda mostró un aviso de error: {detail}",
    "selfcheck.timeout": (
        "la ejecución superó {seconds} s en una celda (¿un bucle que no termina?). "
        "Revisa tu código y vuelve a comprobar."
    ),
    "selfcheck.dead_kernel": (
        "el intérprete de Python se detuvo (¿demasiada memoria?). Reinicia y vuelve a comprobar."
    ),
    "selfcheck.restored": "«{label}» estaba modificada; he usado la comprobación original.",
    "selfcheck.missing_check": (
        "falta esta celda de comprobación (¿la borraste?). Ejecuta `cjcourse start` para tener "
        "una copia nueva del cuaderno y pasa allí tus respuestas."
    ),
}

EN: dict[str, str] = {
    "course.missing": (
        "Cannot find the course folder at {path}. Run the command from the cjcourse repository "
        "or give the folder with --course PATH."
    ),
    "course.empty": "The course folder {path} has no modules (module*/ folders with notebooks).",
    "release.failed": (
        "nbgrader could not build the student version of {module}: {detail}. Check the notebooks "
        "in course/{module}/ (instructors can run `nbgrader generate_assignment {module}`)."
    ),
    "workspace.ready": "✔ Workspace ready at {path} ({n} modules).",
    "workspace.building": "Building the student version of {module} (a few seconds)…",
    "workspace.added": "new: {file}",
    "workspace.updated": "updated (you had not changed it): {file}",
    "workspace.offered": (
        "there is a new version of {file}; you changed yours, so it stays as it is and the new "
        "one is at {new}"
    ),
    "workspace.corrupted": (
        "{file} is damaged (not a valid notebook). I left it untouched; a fresh copy is at "
        "{new}. To recover text from it, open it in a text editor."
    ),
    "workspace.not_a_folder": "{path} is a file, not a folder. Choose another with --workspace PATH.",
    "workspace.parent_missing": (
        "Cannot create the workspace {path} because {parent} does not exist. Create it first or "
        "choose another with --workspace PATH."
    ),
    "workspace.not_writable": (
        "Cannot write to {path} ({detail}). Choose a folder of yours with --workspace PATH, for "
        "example --workspace ~/cj-course."
    ),
    "workspace.busy": "Another `cjcourse start` is preparing {path}. Wait for it or close it.",
    "workspace.manifest_damaged": (
        "The workspace's internal record was damaged; I kept it at {path} and started a new one. "
        "Your notebooks were not touched."
    ),
    "cli.description": (
        "Customer Journey course in Jupyter: `cjcourse start` opens the course and "
        "`cjcourse check NOTEBOOK` checks your answers."
    ),
    "cli.help_start": "Prepare your workspace with the modules and open JupyterLab.",
    "cli.help_workspace": "Your workspace folder (default ~/cjcourse-curso).",
    "cli.help_port": "JupyterLab port (default: the first free one from 8888).",
    "cli.help_no_browser": "Do not open the browser.",
    "cli.help_prepare_only": "Only prepare the workspace; do not open JupyterLab.",
    "cli.help_course": "Folder with the course sources (default: the repository's course/).",
    "cli.help_lang": "Message language: es (default) or en.",
    "cli.help_check": "Check the answers of one or more notebooks, question by question.",
    "cli.help_notebooks": "The .ipynb notebooks to check.",
    "cli.help_timeout": "Maximum seconds per cell (default 120).",
    "cli.port_invalid": "Port {port} is not valid: use a number between 1 and 65535.",
    "cli.port_busy": (
        "Port {port} is already in use (another JupyterLab open?). Close it or choose another "
        "port, for example --port {other}."
    ),
    "cli.no_free_port": (
        "No free port between {first} and {last}. Close other JupyterLabs or give one with --port."
    ),
    "cli.lab_starting": "Opening JupyterLab at {url}",
    "cli.workspace_is": "Your notebooks are in {path}",
    "cli.how_to_stop": (
        "To close the course, save (Ctrl+S) and press Ctrl+C in this window. JupyterLab "
        "saves by itself every 30 seconds."
    ),
    "cli.check_all_passed": "✔ All automatic checks pass.",
    "cli.check_some_failed": "✘ Some checks do not pass yet: fix the ones marked ✘ and check again.",
    "cli.interrupted": "Interrupted.",
    "selfcheck.not_found": "The notebook {path} does not exist. Check the name and folder.",
    "selfcheck.not_json": (
        "{path} is damaged: not a valid notebook (JSON). Use the fresh copy `cjcourse start` "
        "puts next to it."
    ),
    "selfcheck.not_notebook": "{path} is not a valid Jupyter notebook: {detail}",
    "selfcheck.no_checks": "This notebook has no automatically graded questions.",
    "selfcheck.points": "points",
    "selfcheck.summary": (
        "Summary: {passed} of {total} checks pass · {score} of {max_score} automatic points."
    ),
    "selfcheck.summary_manual": "{n} open answer(s) are graded by your instructor.",
    "selfcheck.manual_pending": "open answer: graded by hand by your instructor.",
    "selfcheck.manual_empty": "open answer not written yet.",
    "selfcheck.not_run": "this check did not run (an earlier cell stopped).",
    "selfcheck.name_error": "a variable is missing ({detail}). Run your answer cell and check the name.",
    "selfcheck.syntax_error": "there is a typing error in the code ({detail}): check quotes, commas and brackets.",
    "selfcheck.stderr": "the cell printed an error warning: {detail}",
    "selfcheck.timeout": (
        "a cell ran for more than {seconds} s (a loop that never ends?). Fix it and check again."
    ),
    "selfcheck.dead_kernel": "the Python kernel stopped (too much memory?). Restart and check again.",
    "selfcheck.restored": "«{label}» had been edited; I used the original check.",
    "selfcheck.missing_check": (
        "this check cell is missing (deleted?). Run `cjcourse start` for a fresh copy of the "
        "notebook and move your answers there."
    ),
}
