"""Plausible wrong answers per module: grade_id of an autograded answer cell -> replacement source.

Used by the nbgrader three-submission test: every autograded question must earn zero with these.
Each one is a realistic mistake (one wrong option, one item misclassified, a typical confusion),
valid Python that runs without error.
"""

WRONG_ANSWERS: dict[str, dict[str, str]] = {
    "module1_intro": {
        # swaps the roles of funnel and journey
        "m1_p1_respuesta": 'respuesta_1 = "b"\n',
        # takes multichannel (d) for omnichannel
        "m1_p2_respuesta": 'respuesta_2 = ["a", "c", "d"]\n',
        # the chat question before choosing the shop, put in consideración
        "m1_p3_respuesta": (
            "clasificacion = {\n"
            '    "Correo con el número de seguimiento del pedido": "poscompra",\n'
            '    "Vídeo de YouTube que compara cinco robots aspiradores": "consideración",\n'
            '    "Anuncio en Instagram en el que Marcos descubre la tienda": "conciencia",\n'
            '    "Descuento exclusivo para clientes en los filtros de recambio, un año después": "lealtad",\n'
            '    "Página de pago con tarjeta de la web": "compra",\n'
            '    "Chat de la web: ya con el modelo elegido, pregunta si devolverlo sería gratis": "consideración",\n'
            '    "Artículo del blog de la tienda «Cómo elegir tu robot aspirador»": "consideración",\n'
            '    "Llamada al servicio técnico porque el robot no se conecta al wifi": "poscompra",\n'
            "}\n"
        ),
        # the cart-reminder opportunity taken for a touchpoint (it is an email)
        "m1_p4_respuesta": (
            "componentes = pd.DataFrame(\n"
            "    [\n"
            '        ["La newsletter semanal que la tienda envía a sus suscriptores", "punto de contacto"],\n'
            '        ["¿Y si la talla M me queda pequeña?", "pensamiento"],\n'
            '        ["Ana, 29 años, diseñadora: compra desde el móvil y quiere envíos rápidos", "persona"],\n'
            '        ["El formulario de pago se borra entero si Ana se equivoca en un dato", "punto de dolor"],\n'
            '        ["La fase en la que Ana compara precios y tallas en tres tiendas", "etapa"],\n'
            '        ["Alivio al ver que la devolución es gratuita", "emoción"],\n'
            '        ["Enviar un recordatorio a quien deja prendas en el carrito (a cargo del equipo de CRM)", "punto de contacto"],\n'
            '        ["La primera vez que Ana se pone la chaqueta y comprueba si cumple lo que prometía la web", "momento de la verdad"],\n'
            "    ],\n"
            '    columns=["situacion", "componente"],\n'
            ")\n"
        ),
        # FMOT read as 'the first moment', instead of ZMOT
        "m1_p5_respuesta": 'respuesta_5 = "a"\n',
        # computes the remaining 30 % instead of the 70 %
        "m1_p6_respuesta": "semanas_antes_de_ventas = 20 * 0.30\n",
    },
    "module2_stages": {
        # the last doubts before paying (decisión) taken for the purchase itself
        "m2_p1_respuesta": (
            "etapas_javier = {\n"
            '    "Ve a un compañero llegar al trabajo sin sudar en su bicicleta eléctrica y piensa: «¿Me serviría a mí?»": "conciencia",\n'
            '    "Lee una comparativa de autonomía de baterías y apunta tres modelos en una lista": "consideración",\n'
            '    "Pregunta en un foro de ciclistas urbanos qué marcas de bicicleta eléctrica dan menos averías": "consideración",\n'
            '    "Ya ha elegido modelo y tienda; solo le falta confirmar que el montaje y la primera revisión son gratis": "compra",\n'
            '    "Introduce los datos de su tarjeta y elige la entrega a domicilio": "compra",\n'
            '    "Recibe un correo con consejos para cuidar la batería durante el primer mes": "poscompra",\n'
            '    "La batería no carga del todo y escribe, preocupado, al servicio técnico": "poscompra",\n'
            '    "Un año después vuelve a la misma tienda a por un casco y anima a su hermana a comprar allí": "lealtad",\n'
            "}\n"
        ),
        # a discount at checkout for a problem that happens while comparing
        "m2_p2_respuesta": 'respuesta_2 = "a"\n',
        # McKinsey's "consideración inicial" taken for the course's consideración (same word)
        "m2_p3_respuesta": (
            "traduccion = pd.DataFrame(\n"
            "    [\n"
            '        ["AIDA: deseo", "decisión"],\n'
            '        ["AIDA: acción", "compra"],\n'
            '        ["McKinsey: consideración inicial", "consideración"],\n'
            '        ["5A de Kotler: recomendar (advocate)", "lealtad"],\n'
            '        ["Momentos de la verdad: ZMOT", "consideración"],\n'
            '        ["Momentos de la verdad: SMOT", "poscompra"],\n'
            '        ["Viaje digital en 4 etapas: conocimiento", "conciencia"],\n'
            '        ["5 pasos: búsqueda y comparación", "consideración"],\n'
            "    ],\n"
            '    columns=["etapa_otro_modelo", "etapa_del_curso"],\n'
            ")\n"
        ),
        # only AIDA: forgets that the five steps end with the after-sales service
        "m2_p4_respuesta": 'respuesta_4 = ["d"]\n',
        # misses that Kotler's last A is advocate
        "m2_p5_respuesta": 'respuesta_5 = ["a", "c"]\n',
    },
    "module4_optimization": {
        # the cart-recovery email, sent after the visit, taken for a post-purchase message
        "m4_p1_respuesta": (
            "palancas = {\n"
            '    "Vídeos en redes sociales sobre cómo evitar lesiones al empezar a correr": "conciencia",\n'
            '    "Una comparativa de los tres modelos más vendidos, incluido uno de otra marca": "consideración",\n'
            '    "Devolución gratuita durante 30 días, explicada junto al botón «Añadir al carrito»": "decisión",\n'
            '    "Permitir comprar como invitado, sin crear una cuenta": "compra",\n'
            '    "Un correo, tres horas después, con el carrito que el cliente dejó a medias": "poscompra",\n'
            '    "Una serie de correos de bienvenida con consejos para las primeras semanas de uso": "poscompra",\n'
            '    "Llamar a quienes puntuaron de 0 a 6 en la encuesta NPS para entender qué falló y contarles qué se ha cambiado": "lealtad",\n'
            '    "«Invita a una amiga y ganáis 10 € las dos»": "lealtad",\n'
            "}\n"
        ),
        # the checkout abandonment rate (orders over payments started) instead of the cart's
        "m4_p2_respuesta": "abandono_carrito = (1 - 806 / 1150) * 100\n",
        # a first-steps tutorial: the consideration-stage email, sent to someone deciding
        "m4_p3_respuesta": 'respuesta_3 = "a"\n',
        # counts every query solved in the end, not only at the first contact
        "m4_p4_respuesta": "fcr = (464 + 120) / 640 * 100\n",
        # reads the before/after difference instead of the A/B one
        "m4_p5_respuesta": (
            'explorador.design.value = "antes_despues"\n'
            "explorador.days.value = 28\n"
            'efecto_ab = explorador.result["diferencia_pp"]\n'
        ),
        # misses that an interval including 0 shows no difference
        "m4_p6_respuesta": 'respuesta_6 = ["a", "b"]\n',
    },
}
