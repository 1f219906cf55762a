namespace NewsWatch.Assessment;

public sealed partial class WatchSubjectOptions
{
    /// <summary>
    /// The default subject: Xiaomi's electric-vehicle business, with its names in the languages it is
    /// reported in, the Chinese regulators whose approvals decide whether it may build cars, and the
    /// carmakers and phone makers that share its news. Returns a new instance on every call.
    /// </summary>
    /// <remarks>
    /// "Modena" (the EV platform's code name) is also an Italian city of carmakers, so only its
    /// unambiguous forms are listed.
    /// </remarks>
    public static WatchSubjectOptions XiaomiEv() => new()
    {
        Key = "xiaomi-ev",
        Name = "Xiaomi EV",
        CompanyAliases =
        [
            "Xiaomi", "小米", "小米集团", "小米公司", "シャオミ", "샤오미", "Сяоми", "Ксиаоми", "शाओमी", "شاومي", "Xiaomis",
        ],
        BusinessAliases =
        [
            "Xiaomi Auto", "Xiaomi EV", "Xiaomi EVs", "Xiaomi Automobile", "Xiaomi Automobile Technology", "Xiaomi Motors",
            "Xiaomi Car", "Xiaomi Cars", "Xiaomi Automotive", "Xiaomi EV Technology", "小米汽车", "小米电动车", "小米造车",
            "小米汽车科技",
        ],
        ProductAliases =
        [
            "SU7", "YU7", "YU9", "MS11", "MX11", "Xiaomi Modena", "Modena architecture", "Modena platform", "摩德纳架构",
        ],
        PeopleAliases = ["Lei Jun", "雷军", "레이쥔", "레이 쥔", "Лэй Цзюнь", "Лей Цзюнь", "レイ ジュン", "लेई जून", "Lu Weibing", "卢伟冰"],
        TopicTerms =
        [
            // English
            "EV", "EVs", "NEV", "NEVs", "electric vehicle*", "electric car*", "electric SUV*", "electric sedan*", "car", "cars",
            "vehicle", "vehicles", "automaker*", "carmaker*", "car maker*", "car making", "carmaking", "automotive", "auto",
            "autos", "sedan", "sedans", "SUV", "SUVs", "new energy vehicle*", "deliveries", "delivered", "deliver", "lidar",
            "autonomous driving", "self driving", "Model 3", "Model Y", "car plant", "car factory", "EV plant", "EV factory",
            // Chinese, Japanese, Korean
            "汽车", "电动车", "电动汽车", "新能源车", "新能源汽车", "整车", "车型", "轿车", "车企", "量产", "交付", "智能电动", "纯电",
            "车主", "续航", "智驾", "電気自動車", "自動車", "新エネルギー車", "車両", "전기차", "자동차", "차량", "완성차",
            // German, French, Spanish, Portuguese, Italian
            "Auto", "Autos", "Elektroauto*", "E Auto*", "*fahrzeug*", "Stromer*", "Limousine", "Autobauer*", "Autoherst*",
            "Autobranche", "Autoindustrie", "Auslieferungen", "voiture*", "véhicule*", "automobile*", "constructeur*",
            "coche*", "vehículo*", "automóvil*", "automotriz", "entregas", "carro*", "veículo*", "montadora*", "automotiv*",
            "sedã", "vettur*", "veicol*", "automobil*",
            // Russian, Hungarian, Polish, Hindi
            "электромобил*", "автомобил*", "машин*", "автопроизводител*", "автоконцерн*", "электрокар*", "*autó*",
            "samochod*", "samochód", "motoryzac*", "कार", "ईवी", "इलेक्ट्रिक वाहन", "वाहन", "ऑटोमोटिव", "ऑटोमोबाइल",
        ],
        BusinessFramingTerms =
        [
            "car business*", "EV business*", "auto business", "automotive business", "car unit", "EV unit", "auto unit",
            "automotive unit", "EV arm", "electric vehicle arm", "EV division", "car division", "auto division",
            "automotive division", "car project", "EV project", "car venture", "EV venture", "car making business",
            "car ambitions", "EV ambitions", "automotive ambitions", "car plans", "EV plans", "smart EV business",
            "造车", "汽车业务", "汽车部门", "造车业务", "汽车事业", "EV事業", "自動車事業", "전기차 사업",
            "*autosparte", "Autogeschäft", "*autopläne", "Elektroauto Pläne", "división de coches", "división de vehículos",
            "activité automobile", "projets automobiles", "divisione auto",
        ],
        OffTopicTerms =
        [
            "smartphone*", "phone", "phones", "handset*", "mobile phone*", "HyperOS", "MIUI", "Redmi", "POCO", "tablet*",
            "laptop*", "smartwatch*", "wearable*", "chip", "chips", "chipset*", "SoC", "processor*", "Snapdragon", "Dimensity",
            "XRING", "Surge S1", "Leica", "camera", "cameras", "telephoto", "periscope", "megapixel*", "aperture", "AIoT",
            "IoT", "smart home", "television", "TV", "shipments",
            "手机", "芯片", "平板", "骁龙", "屏幕", "影像", "相机", "澎湃", "处理器", "摄像头", "电视", "玄戒", "スマホ",
            "スマートフォン", "半导体", "스마트폰", "휴대폰", "반도체",
            "Handy*", "teléfono*", "móvil*", "celular*", "téléphone*", "telefone*", "telefon*", "смартфон*", "телефон*",
            "гаджет*", "smartfon*", "procesor*", "układ*", "स्मार्टफोन", "फोन",
        ],
        NeutralTerms =
        [
            "smartphone maker*", "smartphone giant", "smartphone company", "smartphone firm", "smartphone manufacturer*",
            "smartphone heavyweight", "smartphone brand", "phone maker", "phone giant", "phone company", "handset maker",
            "consumer electronics maker", "consumer electronics giant", "tech giant", "technology giant",
            "手机厂商", "手机巨头", "手机制造商", "手机公司", "Smartphone Hersteller*", "Smartphone Konzern",
            "fabricante de smartphones", "fabricante de teléfonos", "fabricante de celulares", "gigante de los smartphones",
            "fabricante de smartphones", "géant du smartphone", "fabricant de smartphones", "produttore di smartphone",
            "colosso degli smartphone", "производитель смартфонов", "производителя смартфонов", "スマホ大手",
            "スマートフォン大手", "스마트폰 업체", "스마트폰 제조사", "fabricante de smartphones",
        ],
        OtherParties =
        [
            Party("Tesla", "Tesla", "特斯拉", "テスラ", "테슬라", "Тесла", "Elon Musk", "Musk", "马斯克"),
            Party("BYD", "BYD", "比亚迪", "비야디", "Denza", "腾势", "Yangwang", "仰望"),
            Party("NIO", "NIO", "蔚来", "니오"),
            Party("JAC", "JAC", "Jianghuai", "江淮"),
            Party("XPeng", "XPeng", "XPEV", "小鹏", "샤오펑", "Сяопэн"),
            Party("Li Auto", "Li Auto", "理想汽车", "Lixiang"),
            Party("Lifan", "Lifan", "Lifang", "力帆"),
            Party("Geely", "Geely", "吉利", "Zeekr", "极氪", "Volvo", "Polestar"),
            Party("Leapmotor", "Leapmotor", "零跑"),
            Party("Hozon", "Hozon", "Neta", "哪吒汽车", "合众"),
            Party("Huawei", "Huawei", "华为", "화웨이", "Хуавэй", "AITO", "问界", "Wenjie", "Seres", "赛力斯", "HIMA", "鸿蒙智行", "Luxeed", "智界"),
            Party("Baidu", "Baidu", "百度", "Jidu", "集度", "Jiyue", "极越"),
            Party("BAIC", "BAIC", "Beijing Automotive", "北汽", "BluePark", "Arcfox", "极狐", "Foton", "福田", "Beiqi"),
            Party("Hyundai", "Hyundai", "Beijing Hyundai", "北京现代", "现代汽车", "현대차", "Kia"),
            Party("Borgward", "Borgward", "宝沃"),
            Party("Changan", "Changan", "Chang'an", "长安汽车", "Avatr", "阿维塔", "Deepal", "深蓝汽车"),
            Party("GAC", "GAC", "广汽", "Aion"),
            Party("SAIC", "SAIC", "上汽", "Wuling", "五菱", "IM Motors", "智己"),
            Party("FAW", "FAW", "一汽", "Hongqi", "红旗"),
            Party("Dongfeng", "Dongfeng", "东风", "Voyah", "岚图"),
            Party("Great Wall", "Great Wall Motor", "长城汽车", "Haval", "哈弗"),
            Party("Chery", "Chery", "奇瑞"),
            Party("Haima", "Haima", "海马"),
            Party("Sinogold", "Sinogold"),
            Party("BMW", "BMW", "宝马"),
            Party("Mercedes-Benz", "Mercedes", "Mercedes Benz", "奔驰", "Daimler"),
            Party("Volkswagen", "Volkswagen", "VW", "大众汽车", "Audi", "奥迪", "Porsche", "保时捷"),
            Party("Toyota", "Toyota", "丰田"),
            Party("Honda", "Honda", "本田"),
            Party("Nissan", "Nissan", "日产"),
            Party("Ford", "Ford", "福特"),
            Party("General Motors", "General Motors", "GM", "通用汽车"),
            Party("Stellantis", "Stellantis", "Renault"),
            Party("Lucid", "Lucid", "루시드", "Люсид"),
            Party("Rivian", "Rivian"),
            Party("Apple", "Apple", "苹果公司"),
            Party("Samsung", "Samsung", "三星", "삼성"),
            Party("Oppo", "OPPO", "OnePlus", "realme", "荣耀"),
            Party("Qualcomm", "Qualcomm", "高通", "MediaTek"),
            Party("TSMC", "TSMC", "台积电"),
            Party("CATL", "CATL", "宁德时代", "CALB"),
        ],
        Regulators =
        [
            new RegulatorOptions
            {
                Code = "NDRC",
                DefaultKind = "investment-approval",
                Aliases =
                [
                    "NDRC", "National Development and Reform Commission", "state planner", "state planners", "top economic planner",
                    "economic planner", "economic planning body", "top planning body", "state planning agency",
                    "发改委", "国家发改委", "国家发展和改革委员会", "国家发展改革委", "国家发展改革委员会", "국가발전개혁위원회", "발개위",
                    "Entwicklungs und Reformkommission", "Comisión Nacional de Reforma y Desarrollo",
                    "Comisión Nacional de Desarrollo y Reforma", "Comissão Nacional de Desenvolvimento e Reforma",
                    "Commission nationale du développement et de la réforme", "Commissione nazionale per lo sviluppo e la riforma",
                    "по развитию и реформам", "НКРР", "Nemzeti Fejlesztési és Reform Bizottság",
                ],
            },
            new RegulatorOptions
            {
                Code = "MIIT",
                DefaultKind = "production-qualification",
                Aliases =
                [
                    "MIIT", "Ministry of Industry and Information Technology", "Ministry of Industry and Information",
                    "industry ministry", "工信部", "工业和信息化部", "工业与信息化部", "工業情報化省", "공업정보화부", "공신부",
                    "Ministerium für Industrie und Informationstechnologie", "Ministerio de Industria y Tecnología de la Información",
                    "Ministério da Indústria e Informação", "Ministério da Indústria e Tecnologia da Informação",
                    "ministère de l'Industrie et des Technologies de l'information",
                    "per l'industria e le tecnologie dell'informazione", "промышленности и информатизации",
                    "ipari és informatikai minisztérium",
                ],
                Kinds =
                [
                    new ApprovalKindOptions
                    {
                        Name = "catalogue-listing",
                        Terms = ["catalogue", "catalog", "catalogo", "catálogo", "Katalog", "目录", "公告", "申报", "announcement", "listing"],
                    },
                ],
            },
            new RegulatorOptions
            {
                Code = "SAMR",
                DefaultKind = "market-approval",
                Aliases =
                [
                    "SAMR", "State Administration for Market Regulation", "市场监管总局", "国家市场监督管理总局", "市场监管局",
                ],
            },
        ],
        AuthorityTerms =
        [
            "regulator", "regulators", "regulatory", "authorities", "authority", "government", "officials", "policymakers",
            "Beijing", "China", "the state",
            "当局", "政府", "监管部门", "有关部门", "主管部门", "相关部门", "监管机构", "国家有关部门",
            "当局", "규제 당국", "당국", "정부",
            "Behörde*", "Regierung", "Regime", "Regulierer", "Peking",
            "autorités", "gouvernement", "régulateur*", "Pékin",
            "autoridades", "gobierno", "regulador*", "governo", "autorità", "Pechino",
            "власти", "властей", "регулятор*", "правительств*",
            "hatóság*", "kormány*", "सरकार",
        ],
    };

    private static PartyOptions Party(string name, params string[] aliases) => new() { Name = name, Aliases = [.. aliases] };
}
