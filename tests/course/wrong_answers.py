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
    "module3_mapping": {
        # a journey map graph of internal processes below the line of visibility: the blueprint
        "m3_p1_respuesta": 'respuesta_1 = "d"\n',
        # the phone call is out of the customer's sight, so taken for backstage
        "m3_p2_respuesta": (
            "plano = {\n"
            '    "La bolsa de papel con el logotipo del restaurante y el ticket grapado": "evidencia física",\n'
            '    "El cliente elige los platos en la app y paga": "acciones del cliente",\n'
            '    "El repartidor entrega el pedido en la puerta y se despide": "escenario",\n'
            '    "Un cocinero prepara los platos en la cocina": "bastidores",\n'
            '    "La pasarela de pago del banco autoriza la tarjeta": "procesos de soporte",\n'
            '    "El encargado llama al cliente para avisarle de que falta un plato y ofrecerle otro": "bastidores",\n'
            "}\n"
        ),
        # misses that a spreadsheet is enough for a first map
        "m3_p3_respuesta": 'respuesta_3 = ["a", "c"]\n',
        # thinks post-its instead of a specialised tool are a mistake
        "m3_p4_respuesta": 'respuesta_4 = ["a", "b", "d", "e"]\n',
        # right stages, touchpoints and pain points, but the emotion dips at the trial class
        # (read as nerves) instead of at the sign-up where the pain is
        "m3_p5_respuesta": (
            "mi_mapa = JourneyMap(\n"
            '    persona=Persona("Sara Gil"),\n'
            '    stage_model="custom",\n'
            "    stages=[\n"
            '        Stage("descubrimiento", emotion=1,\n'
            '              touchpoints=[Touchpoint("Folleto en el buzón", channel="correo postal")]),\n'
            '        Stage("clase de prueba", emotion=-2,\n'
            '              touchpoints=[Touchpoint("Reserva en la web", channel="web")]),\n'
            '        Stage("alta", emotion=1,\n'
            '              touchpoints=[Touchpoint("Recepción", channel="tienda física")],\n'
            '              pain_points=[PainPoint("Matrícula sorpresa de 40 €", severity=3)]),\n'
            '        Stage("primer mes", emotion=1,\n'
            '              touchpoints=[Touchpoint("App de reservas", channel="app")]),\n'
            '        Stage("renovación", emotion=-1,\n'
            '              touchpoints=[Touchpoint("Teléfono", channel="teléfono")],\n'
            '              pain_points=[PainPoint("Cambio de cuota solo por teléfono", severity=2)]),\n'
            "    ],\n"
            ")\n"
        ),
        # only the lowest points of the curve: misses the price hidden in consideración
        "m3_p6_respuesta": 'etapas_con_dolor = ["poscompra", "lealtad"]\n',
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
    "module5_metrics": {
        # leaves the passives out of the total
        "m5_p1_respuesta": "nps = (90 - 46) / (90 + 46) * 100\n",
        # orders over sessions: mixes the units
        "m5_p2_respuesta": "conversion_usuarios = 240 / 12000 * 100\n",
        # counts the new members as retained
        "m5_p3_respuesta": "retencion = 860 / 800 * 100\n",
        # forgets the acquisition cost
        "m5_p4_respuesta": "clv = 60 * 0.75 / (1 + 0.10 - 0.75)\n",
        # takes the open funnel's rule for the closed one and misses correlation vs causation
        "m5_p5_respuesta": 'respuesta_5 = ["b", "c", "e"]\n',
        # per-student (own shop): the second-highest drop-off step
        "m5_p6_respuesta": (
            "explorador.by = None\n"
            'tabla = explorador.result.sort_values("dropoff", ascending=False)\n'
            'paso_mas_abandono = tabla["step"].iloc[1]\n'
        ),
        # reads the loss from the start of the funnel instead of from the previous step
        "m5_p7_respuesta": (
            "explorador.by = None\n"
            "tabla = explorador.result\n"
            'fila = tabla.loc[tabla["dropoff"].idxmax()]\n'
            'abandono_paso = (1 - fila["conversion_from_start"]) * 100\n'
        ),
        # the channel that loses the most people, not the highest rate
        "m5_p8_respuesta": (
            'explorador.by = "channel"\n'
            "tabla = explorador.result\n"
            'en_ese_paso = tabla[tabla["step"] == paso_mas_abandono]\n'
            'canal_peor = en_ese_paso.loc[en_ese_paso["dropoff_customers"].idxmax(), "channel"]\n'
        ),
        # the customers lost at that step in the whole shop, not in the channel
        "m5_p9_respuesta": (
            "explorador.by = None\n"
            "tabla = explorador.result\n"
            'perdidos_canal = tabla.loc[tabla["dropoff"].idxmax(), "dropoff_customers"]\n'
        ),
    },
    "module6_cases": {
        # cart abandonment put in decisión and carts per visit in compra (swapped)
        "m6_p1_respuesta": (
            "metrica_etapa = {\n"
            '    "Visitas nuevas que llegan desde buscadores": "conciencia",\n'
            '    "Fichas de producto vistas por visita": "consideración",\n'
            '    "Carritos creados por visita": "compra",\n'
            '    "Tasa de abandono del carrito": "decisión",\n'
            '    "Resolución en el primer contacto (FCR) de las consultas sobre un pedido": "poscompra",\n'
            '    "NPS de los clientes con más de un año de antigüedad": "lealtad",\n'
            "}\n"
        ),
        # the share of one-time buyers instead of the repeat buyers
        "m6_p2_respuesta": "repiten_pct = 1218 / 2357 * 100\n",
        # divides by every subscriber of the table instead of the channel's
        "m6_p3_respuesta": "baja_afiliados = 197 / (627 + 1072 + 511 + 972) * 100\n",
        # the new CLV, not the increase
        "m6_p4_respuesta": "mejora_clv = 9 * 0.93 / (1 + 0.01 - 0.93)\n",
        # reads the observed gap as the effect of the programme
        "m6_p5_respuesta": 'respuesta_5 = "a"\n',
        # the onboarding finding placed where the subscriber cancels (lealtad)
        "m6_p6_respuesta": (
            "hallazgo_etapa = {\n"
            '    "Ritmo: casi la mitad de las bajas dicen «no lo usaba», y quien no completa la bienvenida en sus dos primeras semanas se va mucho más": "lealtad",\n'
            '    "CDNOW: más de la mitad de los clientes no vuelve a comprar en 18 meses": "lealtad",\n'
            '    "CDNOW: un cliente duda si es seguro dar su tarjeta por internet antes de hacer el pedido": "decisión",\n'
            '    "Ritmo: una de cada cuatro bajas se debe al precio, cuando llega el cobro mensual": "lealtad",\n'
            '    "Ritmo: los anuncios con afiliados traen a gente que conoce la marca por primera vez, pero a un CAC de 17 €": "conciencia",\n'
            "}\n"
        ),
    },
}
