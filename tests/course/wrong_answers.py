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
}
