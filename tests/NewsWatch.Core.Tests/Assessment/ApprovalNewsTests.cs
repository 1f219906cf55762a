using NewsWatch.Assessment;

namespace NewsWatch.Core.Tests.Assessment;

/// <summary>Issue 13: the grant must be the news, and each approval is its own event.</summary>
public class ApprovalNewsTests
{
    private static readonly ArticleAssessor Assessor = ArticleAssessor.ForXiaomiEv();

    private static ArticleAssessment Assess(string? title, string text, string? published = null) =>
        Assessor.Assess(new AssessmentInput(title, text, null, published is null ? null : DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture), null));

    [Theory]
    [InlineData("Xiaomi delivered 20,000 cars in May. The company, which won its independent production qualification last year, is expanding its plant.", null)]
    [InlineData("Xiaomi delivered 20,000 cars in May. It began production after the state planner cleared its project, analysts noted.", null)]
    [InlineData("小米汽车5月交付超2万辆。去年已获得独立生产资质的小米汽车正在扩建工厂。", null)]
    [InlineData("Xiaomi's car unit lost money again. Xiaomi received NDRC approval in August 2023, long before its first delivery.", "2025-03-18")]
    [InlineData("Lei Jun looking back: \"The day we got the NDRC approval, we all cried.\" Xiaomi now sells 20,000 cars a month.", null)]
    [InlineData("Lei Jun recordó en una entrevista que Xiaomi obtuvo la aprobación de la NDRC tras meses de espera. Hoy la marca vende más de 20.000 coches al mes.", null)]
    public void A_grant_told_as_background_is_not_news(string text, string? published)
    {
        var a = Assess(null, text, published);

        Assert.NotEqual(ApprovalStatus.Granted, a.ApprovalStatusForArticle);
        Assert.Contains(a.ApprovalNotes, n => n.Signal == "approval-background");
    }

    [Fact]
    public void A_dated_grant_is_news_when_the_article_is_from_that_time()
    {
        const string text = "Xiaomi received NDRC approval in August 2023 to build electric vehicles, Reuters reported.";

        Assert.Equal(ApprovalStatus.Granted, Assess(null, text, "2023-08-24").ApprovalStatusForArticle);
        Assert.Null(Assess(null, text, "2024-06-01").ApprovalStatusForArticle);
    }

    [Theory]
    [InlineData("Xiaomi expects to receive MIIT approval for its first car within two months, a person close to the company said. An earlier report said the carmaker had already won the NDRC's approval.")]
    [InlineData("Xiaomi has filed for MIIT approval of its SU7, after the state planner cleared its EV project in August.")]
    [InlineData("Für Xiaomi sind die Hürden hoch: Ohne eine Produktionslizenz der Behörden kann der Konzern keine Autos bauen.")]
    [InlineData("Xiaomi se heurte à un obstacle : les autorités rechignent à lui accorder une licence de production pour ses voitures.")]
    [InlineData("Xiaomis Autopläne stoßen auf Widerstand: Die Regierung in Peking zögert, dem Konzern eine Herstellerlizenz zu geben.")]
    [InlineData("Les projets automobiles de Xiaomi butent sur la réglementation : le groupe n'a toujours pas obtenu l'autorisation de produire ses voitures.")]
    [InlineData("小米電動車項目審批遇阻，發改委對新造車企業態度審慎。")]
    [InlineData("Xiaomi's EV plans hit a regulatory wall as Beijing holds back a manufacturing licence.")]
    [InlineData("小米YU7已向工信部提交申报，预计年中上市。")]
    [InlineData("Xiaomi has filed the YU7 electric SUV with the MIIT, with a launch expected mid-year.")]
    [InlineData("Xiaomi ha presentato al MIIT la documentazione per la sua nuova auto elettrica YU7.")]
    [InlineData("小米造車遭遇阻力，生產資質遲遲未能獲批。")]
    public void Expectations_filings_and_hurdles_are_pending(string text) =>
        Assert.Equal(ApprovalStatus.Pending, Assess(null, text).ApprovalStatusForArticle);

    [Fact]
    public void A_filing_cited_as_the_source_of_figures_is_not_approval_news()
    {
        var a = Assess(null, "Xiaomi's YU7 electric SUV goes on sale in June. According to a regulatory filing published in December, the car is 4,999 mm long.");

        Assert.Null(a.ApprovalStatusForArticle);
    }

    [Fact]
    public void The_kind_named_beside_the_grant_decides_over_the_notice_that_reported_it()
    {
        var e = Assess(null, "工信部最新公示显示，小米汽车科技有限公司已获得新能源汽车生产资质，此后小米SU7将不再挂靠北汽生产。").PrimaryEvent;

        Assert.NotNull(e);
        Assert.Equal("v2|xiaomi-ev|miit|production-qualification|company", e.Key);
    }

    [Theory]
    [InlineData("Xiaomi has received approval from the NDRC to build electric cars.", "NDRC")]
    [InlineData("小米SU7已获批，进入工信部新车目录。", "MIIT")]
    [InlineData("小米汽车拿到工信部独立生产资质。", "MIIT")]
    [InlineData("Власти Китая разрешили Xiaomi выпускать электромобили, одобрив проект НКРР.", "NDRC")]
    [InlineData("Xiaomi a obtenu le feu vert de la Commission nationale du développement et de la réforme pour ses voitures.", "NDRC")]
    [InlineData("The Xiaomi YU7 has been listed in the MIIT catalogue.", "MIIT")]
    [InlineData("La Xiaomi SU7 Ultra è stata inserita nel catalogo del MIIT, ottenendo l'approvazione per la vendita.", "MIIT")]
    public void A_single_clear_report_is_a_grant(string text, string regulator)
    {
        var e = Assess(null, text).PrimaryEvent;

        Assert.NotNull(e);
        Assert.Equal(ApprovalStatus.Granted, e.Status);
        Assert.Equal(regulator, e.Regulator);
        Assert.InRange(e.Confidence, 0.01, 1);
    }

    [Fact]
    public void Each_model_listing_is_its_own_event_and_rewrites_share_one()
    {
        var su7 = Assess("Xiaomi SU7 listed by MIIT", "The Xiaomi SU7 has been listed in the MIIT catalogue, batch 377.").PrimaryEvent!;
        var yu7 = Assess("Xiaomi YU7 listed by MIIT", "The Xiaomi YU7 has been listed in the MIIT catalogue.").PrimaryEvent!;
        var yu7Ko = Assess(null, "샤오미 YU7이 중국 공업정보화부(MIIT) 신차 목록에 올랐다.").PrimaryEvent!;
        var yu7Zh = Assess(null, "小米YU7已获批，现身工信部新车公告。").PrimaryEvent!;

        Assert.Equal("v2|xiaomi-ev|miit|catalogue-listing|su7|batch-377", su7.Key);
        Assert.Equal("v2|xiaomi-ev|miit|catalogue-listing|yu7", yu7.Key);
        Assert.Equal(yu7.Key, yu7Ko.Key);
        Assert.Equal(yu7.Key, yu7Zh.Key);
        Assert.Null(yu7.LegacyKey); // the old key lumped every model together: it must not merge them again
        Assert.Equal("Xiaomi YU7 listed in MIIT vehicle catalogue (approval for sale)", yu7.Headline);
        Assert.Equal("Xiaomi SU7 listed in MIIT vehicle catalogue (approval for sale), batch 377", su7.Headline);
    }

    [Fact]
    public void A_company_qualification_is_not_a_model_listing_and_keeps_its_old_key()
    {
        var e = Assess("Xiaomi gets its own production licence", "Xiaomi has obtained an independent production qualification for its electric cars from the MIIT.").PrimaryEvent!;

        Assert.Equal("v2|xiaomi-ev|miit|production-qualification|company", e.Key);
        Assert.Equal("xiaomi-ev|miit|production-qualification", e.LegacyKey);
        Assert.Equal("Xiaomi gets its own MIIT production qualification", e.Headline);
    }

    [Fact]
    public void A_pending_headline_does_not_read_like_a_grant() =>
        Assert.Equal(
            "Xiaomi: MIIT production qualification still pending",
            Assess(null, "Xiaomi still awaits its production qualification for electric cars from the MIIT.").PrimaryEvent!.Headline);

    [Theory]
    [InlineData("de", "Xiaomi verhandelt mit BAIC über den Bau von Elektroautos. Eine eigene Genehmigung hat der Konzern bis heute nicht erhalten.", ApprovalStatus.Pending)]
    [InlineData("fr", "Xiaomi discute avec BAIC de la fabrication de voitures électriques. Le groupe n'a toujours pas obtenu sa propre autorisation.", ApprovalStatus.Pending)]
    [InlineData("es", "Xiaomi negocia con BAIC la fabricación de coches eléctricos. La empresa aún no ha obtenido su propio permiso.", ApprovalStatus.Pending)]
    [InlineData("it", "Xiaomi tratta con BAIC per produrre auto elettriche. Il gruppo non ha ancora ottenuto una propria autorizzazione.", ApprovalStatus.Pending)]
    [InlineData("pt", "A Xiaomi negocia com a BAIC a produção de carros elétricos. A empresa ainda não obteve sua própria autorização.", ApprovalStatus.Pending)]
    [InlineData("ru", "Xiaomi ведёт переговоры с BAIC о выпуске электромобилей. Собственное разрешение компания до сих пор не получила.", ApprovalStatus.Pending)]
    [InlineData("fr", "Xiaomi fabrique des voitures électriques. Le groupe a obtenu sa propre autorisation, selon le ministère.", ApprovalStatus.Granted)]
    [InlineData("ru", "Xiaomi выпускает электромобили. Компания получила собственное разрешение, сообщило министерство.", ApprovalStatus.Granted)]
    public void A_permit_of_its_own_is_a_licence_without_a_regulator_named(string language, string text, ApprovalStatus expected) =>
        Assert.Equal(expected, AssessIn(language, text, "2022-08-20").ApprovalStatusForArticle);

    [Theory]
    [InlineData("fr", "La Xiaomi SU7 démarre à 215 900 yuans. Pour mémoire, le feu vert du planificateur d'État a été donné et la SU7 a été inscrite au catalogue du ministère de l'Industrie.", "2024-03-29")]
    [InlineData("ru", "Xiaomi ведёт переговоры с Chery о выпуске электромобилей. Напомним, что Госкомитет по развитию и реформам уже дал Xiaomi зелёный свет.", "2023-10-12")]
    [InlineData("en", "Xiaomi handed over its first SU7 cars on Wednesday. The state planner cleared Xiaomi's car project in the summer.", "2024-04-03")]
    [InlineData("de", "Xiaomi hat die ersten SU7 ausgeliefert. Die Planungsbehörde NDRC genehmigte das Projekt im Sommer.", "2024-04-03")]
    public void A_grant_recalled_for_the_reader_or_placed_in_an_earlier_season_is_history(string language, string text, string published)
    {
        var a = AssessIn(language, text, published);

        Assert.NotEqual(ApprovalStatus.Granted, a.ApprovalStatusForArticle);
        Assert.Contains(a.ApprovalNotes, n => n.Signal == "approval-background");
    }

    [Fact]
    public void A_season_of_the_articles_own_time_does_not_make_a_grant_history() =>
        Assert.Equal(
            ApprovalStatus.Granted,
            AssessIn("en", "The state planner cleared Xiaomi's electric car project in the summer, people familiar with the matter said.", "2023-09-05").ApprovalStatusForArticle);

    [Fact]
    public void The_plan_approved_right_after_a_recall_is_the_recall_plan()
    {
        var a = AssessIn(
            "es",
            "Xiaomi llama a revisión a 116.887 SU7. La SAMR dio a conocer la mayor campaña de revisión de Xiaomi. El organismo ha dado el visto bueno al plan presentado por la compañía.",
            "2025-09-20");

        Assert.Null(a.ApprovalStatusForArticle);
        Assert.Contains(a.ApprovalNotes, n => n.Detail.Contains("recall of the sentence before", StringComparison.Ordinal));
    }

    [Fact]
    public void Being_close_to_obtaining_a_qualification_is_pending() =>
        Assert.Equal(
            ApprovalStatus.Pending,
            AssessIn("zh", "据知情人士消息，小米汽车距离拿到新能源汽车生产资质“已经很近”，但事情仍可能出现变化。", "2023-02-14").ApprovalStatusForArticle);

    [Theory]
    [InlineData("ja", "シャオミのEV計画に国の「お墨付き」。国家発展改革委員会が今月上旬、生産にゴーサインを出していたことが分かった。", ApprovalStatus.Granted)]
    [InlineData("ja", "関係者によると、発改委はシャオミのEV生産を容認した。", ApprovalStatus.Granted)]
    [InlineData("de", "Die Nationale Entwicklungs- und Reformkommission (NDRC) hat Xiaomis Fertigungspläne für Elektroautos bereits Anfang August abgenickt.", ApprovalStatus.Granted)]
    [InlineData("ja", "シャオミは電動SUV「YU7」を公表した。工業情報化省のウェブサイトにも同車の申請情報が掲載された。", ApprovalStatus.Pending)]
    [InlineData("pt", "Primeiro carro da Xiaomi já tem o carimbo de Pequim", ApprovalStatus.Granted)]
    public void Headline_shorthand_and_idioms_of_a_grant_and_a_published_filing(string language, string text, ApprovalStatus expected) =>
        Assert.Equal(expected, AssessIn(language, text, "2023-08-24").ApprovalStatusForArticle);

    [Theory]
    [InlineData("it", "La fabbrica di auto di Xiaomi potrebbe ottenere la qualifica per la produzione di veicoli tra giugno e luglio del prossimo anno.", "2022-10-20")]
    [InlineData("en", "Xiaomi's car unit could win its production qualification for electric cars in June next year, a research firm forecast.", "2022-10-20")]
    public void A_month_of_next_year_is_still_to_come(string language, string text, string published) =>
        Assert.Equal(ApprovalStatus.Pending, AssessIn(language, text, published).ApprovalStatusForArticle);

    [Theory]
    [InlineData("ko", "샤오미는 발개위와 수개월 동안 생산 자격 문제를 협의해 왔지만 아직 결론을 얻지 못했다. 당국이 신청을 반려하면 처음부터 다시 절차를 밟아야 한다.")]
    [InlineData("ja", "シャオミはSU7にレベル2の運転支援を載せている。レベル3として売るには、工業情報化省の製品参入審査を通る必要がある。")]
    [InlineData("fr", "La vente des voitures électriques de niveau 3 de Xiaomi suppose l'accès produit délivré par le ministère de l'Industrie (MIIT).")]
    [InlineData("en", "Xiaomi's SU7 electric sedan turned up on Wednesday in the industry ministry's latest batch of vehicle declarations.")]
    public void A_refusal_only_supposed_a_requirement_or_a_declaration_is_pending(string language, string text) =>
        Assert.Equal(ApprovalStatus.Pending, AssessIn(language, text, "2023-11-15").ApprovalStatusForArticle);

    [Fact]
    public void A_city_road_test_licence_is_a_local_permit_not_an_miit_approval()
    {
        var a = AssessIn(
            "zh",
            "小米汽车拿到北京L3路测牌照\n据北京市相关部门今日发布的信息，小米汽车已在北京取得L3级自动驾驶道路测试牌照。\n路测牌照与产品准入是两回事，工信部本周向长安发放了首批L3产品准入许可。",
            "2025-12-19");

        AssertPrimaryEvent(a, ApprovalStatus.Granted, "LOCAL");
        Assert.Equal("Xiaomi gets a road-test licence from local authorities", a.PrimaryEvent!.Headline);
    }

    [Theory]
    [InlineData("en", "Xiaomi's electric car unit declined to say whether it holds its own MIIT production licence.")]
    [InlineData("de", "Offen ist, ob Xiaomi die Genehmigung des MIIT für seine Elektroautos bereits erhalten hat.")]
    [InlineData("zh", "小米汽车未回应是否已获得工信部生产资质。")]
    [InlineData("ja", "シャオミのEV部門は、工信部の生産資格を取得したかどうかについてコメントしなかった。")]
    [InlineData("ko", "샤오미 전기차 부문은 공업정보화부 생산 자격을 받았는지 여부에 대해 답하지 않았다.")]
    public void Whether_a_grant_happened_is_a_question_not_a_grant(string language, string text) =>
        Assert.NotEqual(ApprovalStatus.Granted, AssessIn(language, text, "2023-11-09").ApprovalStatusForArticle);

    [Fact]
    public void A_headline_grant_is_regulatory_when_its_lead_names_the_ministry_beyond_the_next_sentence()
    {
        var a = Assess(
            "Xiaomi cleared to build cars under its own name",
            "Xiaomi may finally have what it lacked to count as a carmaker. Trade media say the company now appears as the maker of the SU7 in the latest MIIT list.\n\nXiaomi did not confirm it.",
            "2024-07-04");

        AssertPrimaryEvent(a, ApprovalStatus.Granted, "MIIT");
    }

    [Theory]
    [InlineData("it", "Xiaomi ha presentato a Pechino il suo primo SUV elettrico, lo YU7, con un prezzo di 253.500 yuan.")]
    [InlineData("en", "Xiaomi showed its first SUV in Beijing on Thursday, and fans gave it the green light with 200,000 orders.")]
    public void Beijing_or_china_as_the_place_of_an_event_is_no_authority(string language, string text) =>
        Assert.Null(AssessIn(language, text, "2025-06-27").ApprovalStatusForArticle);

    [Theory]
    [InlineData("zh", "小米YU9列入工信部新车目录 7月上市", "据悉，新车将于夏季交付。")]
    [InlineData("ja", "シャオミYU9、工信部の新車目録に掲載 7月発売へ", "関係者によると、納車は夏になる見通しだ。")]
    public void A_month_in_the_next_clause_of_a_headline_dates_that_clause_not_the_grant(string language, string title, string body) =>
        Assert.Equal(ApprovalStatus.Granted, AssessIn(language, title + "\n" + body, "2026-03-02").ApprovalStatusForArticle);

    [Theory]
    [InlineData("ru", "Госкомитет по развитию и реформам дал Xiaomi «добро» на выпуск электромобилей.", "NDRC")]
    [InlineData("zh", "工信部最新公示中出现了小米SU7。业内认为，小米由此拿到了入市通行证。", "MIIT")]
    [InlineData("pt", "Com a nova lista do MIIT, a Xiaomi ganha o estatuto de construtora independente de automóveis.", "MIIT")]
    [InlineData("zh", "小米汽车取得L3级路测牌照。该牌照由北京市经信、公安交管等部门联合发放。", "LOCAL")]
    public void Idioms_of_a_grant_in_quotes_status_words_and_city_bodies_name_the_right_regulator(string language, string text, string regulator) =>
        AssertPrimaryEvent(AssessIn(language, text, "2025-12-19"), ApprovalStatus.Granted, regulator);

    [Theory]
    [InlineData("ja", "シャオミのEV子会社、工業情報化省の生産資格取得が秒読みに", null)]
    [InlineData("ko", "샤오미 SU7 전기차가 오른 이번 공업정보화부 공시는 정식 등재에 앞서 의견을 받는 단계다.", null)]
    [InlineData("fr", "Xiaomi, constructeur indépendant ? Ce n'est pas encore gravé dans le marbre : l'avis préalable du MIIT reste ouvert.", null)]
    [InlineData("it", "La scheda dello Xiaomi YU7 è comparsa tra i documenti del MIIT, il passaggio che precede la licenza di vendita.", null)]
    [InlineData("pt", "Para vender os carros na Europa, a Xiaomi ainda precisa da homologação europeia.", "FOREIGN")]
    public void Countdowns_drafts_steps_before_and_a_foreign_type_approval_still_needed_are_pending(string language, string text, string? regulator) =>
        AssertPrimaryEvent(AssessIn(language, text, "2024-07-13"), ApprovalStatus.Pending, regulator);

    [Fact]
    public void A_quoted_idiom_keeps_the_time_of_its_clause() =>
        Assert.NotEqual(ApprovalStatus.Granted, AssessIn("zh", "回头看，三年前北汽正是用自家资质帮小米SU7“上户口”的。", "2025-12-16").ApprovalStatusForArticle);

    [Fact]
    public void A_grant_naming_no_regulator_beside_an_explainer_naming_two_belongs_to_the_one_of_its_kind()
    {
        var a = AssessIn(
            "en",
            "Xiaomi now holds a production qualification of its own, industry watchers say. A Chinese carmaker needs two approvals: the NDRC's and the MIIT's.",
            "2024-07-04");

        AssertPrimaryEvent(a, ApprovalStatus.Granted, "MIIT");
    }

    [Fact]
    public void A_type_approval_still_needed_abroad_is_pending_with_the_foreign_authority() =>
        Assert.Equal(
            "FOREIGN",
            AssessIn("de", "Bevor ein Xiaomi SU7 hierzulande beim Händler steht, braucht es die EU-Typgenehmigung, ausgestellt etwa vom Kraftfahrt-Bundesamt.", "2025-10-01").PrimaryEvent?.Regulator);

    [Theory]
    [InlineData("de", "Xiaomi will seine Elektroautos 2027 in Europa verkaufen, die EU-Typgenehmigung für die Modelle steht noch aus.")]
    [InlineData("fr", "Xiaomi veut vendre ses voitures en Europe en 2027 ; l'homologation européenne reste à décrocher.")]
    [InlineData("en", "Xiaomi plans European sales from 2027, but none of its cars has a European type approval yet.")]
    public void A_type_approval_still_to_come_is_pending_with_the_foreign_authority(string language, string text) =>
        AssertPrimaryEvent(AssessIn(language, text, "2025-08-20"), ApprovalStatus.Pending, "FOREIGN");

    [Theory]
    [InlineData("zh", "小米SU7现身工信部拟发布公示 正式准入还要等公示期满\n公示期满后，这款电动车才算真正拿到上市销售的通行证。")]
    [InlineData("zh", "小米YU7电动车的生产资质尚待工信部下发。")]
    [InlineData("en", "Until its new electric car clears the industry ministry, Xiaomi cannot sell it.")]
    [InlineData("es", "Xiaomi no podrá vender el coche hasta que el MIIT lo haya aprobado.")]
    [InlineData("de", "Die EU-Typgenehmigung für das Elektroauto Xiaomi SU7 ist noch weit entfernt.")]
    public void A_grant_that_waits_for_a_step_or_sits_in_an_until_clause_is_pending(string language, string text) =>
        Assert.Equal(ApprovalStatus.Pending, AssessIn(language, text, "2023-11-16").ApprovalStatusForArticle);

    [Theory]
    [InlineData("en", "The MIIT list is open to Xiaomi's electric cars through a licensed partner, as it was for Nio.")]
    [InlineData("de", "Xiaomi braucht für seine Elektroautos in Europa eine Typgenehmigung, wie sie etwa das Kraftfahrt-Bundesamt erteilt.")]
    [InlineData("zh-Hant", "新一代小米SU7將於4月上市，車型先前已現身工信部申報資料，售價尚未公布。")]
    public void A_described_licence_a_generic_clause_or_an_earlier_filing_is_no_approval_news(string language, string text) =>
        Assert.Null(AssessIn(language, text, "2026-01-07").ApprovalStatusForArticle);

    [Theory]
    [InlineData("ru", "Xiaomi получила разрешение Государственного комитета по делам развития и реформ на выпуск электромобилей.", "NDRC")]
    [InlineData("it", "La nuova berlina di Xiaomi ha superato l'esame del ministero dell'Industria (MIIT) ed è ammessa alla produzione.", "MIIT")]
    [InlineData("ja", "シャオミのYU7、工業情報化省の購入税免除の対象車種リストに加わった。", "MIIT")]
    public void Official_names_and_plain_words_of_a_grant_are_read(string language, string text, string regulator) =>
        AssertPrimaryEvent(AssessIn(language, text, "2025-06-10"), ApprovalStatus.Granted, regulator);

    [Theory]
    [InlineData("zh", "小米汽车三期工厂拿到建设工程规划许可\n北京市规划和自然资源委员会昨日公布，小米汽车三期工厂获得建设工程规划许可。")]
    [InlineData("zh-Hant", "小米汽車三期工廠規劃核驗過關\n據北京官方資訊，小米汽車三期工廠昨日通過規劃核驗。")]
    public void A_factory_planning_permit_is_a_local_construction_permit(string language, string text)
    {
        var a = AssessIn(language, text, "2025-10-10");

        AssertPrimaryEvent(a, ApprovalStatus.Granted, "LOCAL");
        Assert.Equal("Xiaomi gets a planning or building permit from local authorities", a.PrimaryEvent!.Headline);
    }

    [Theory]
    [InlineData("en", "Two Level 3 electric cars win MIIT approval, and Xiaomi isn't one of them\nThe ministry cleared the sedans for public roads on Monday.")]
    [InlineData("ko", "공업정보화부, L3 전기차 두 종 첫 승인…샤오미는 빠져\n공업정보화부가 15일 L3 자율주행 전기차 두 종의 도로 주행을 허가했다.")]
    [InlineData("de", "Erste L3-Zulassungen für Elektroautos in China – Xiaomi geht leer aus\nDas MIIT hat zwei Modelle für öffentliche Straßen zugelassen.")]
    public void A_grant_the_subject_is_left_out_of_is_not_its_grant(string language, string text) =>
        Assert.NotEqual(ApprovalStatus.Granted, AssessIn(language, text, "2025-12-16").ApprovalStatusForArticle);

    [Fact]
    public void A_city_licence_in_a_brief_listing_earlier_national_approvals_is_the_citys()
    {
        var a = AssessIn(
            "en",
            "Xiaomi in brief\nBeijing authorities have issued Xiaomi an L3 road-test licence for its electric cars. It follows the state planner's nod of 2023 and the MIIT qualification of 2024.",
            "2025-12-20");

        AssertPrimaryEvent(a, ApprovalStatus.Granted, "LOCAL");
    }

    [Fact]
    public void A_grant_naming_no_regulator_takes_it_from_a_kind_only_one_regulator_grants()
    {
        var a = AssessIn(
            "de",
            "Xiaomi SU7 Ultra mit Münchner Kennzeichen unterwegs\nDie Zulassung erlaubt dem Elektroauto Testfahrten auf öffentlichen Straßen.",
            "2025-07-22");

        AssertPrimaryEvent(a, ApprovalStatus.Granted, "FOREIGN");
    }

    [Theory]
    [InlineData("ru", "В новом перечне МИИТ электромобили SU7 записаны за Xiaomi, а не за BAIC: компания получила собственную квалификацию.", ApprovalStatus.Granted)]
    [InlineData("en", "Changan, not Xiaomi, won the MIIT's first Level 3 approval for an electric car.", null)]
    public void A_company_named_as_not_the_one_is_not_the_party(string language, string text, ApprovalStatus? expected) =>
        Assert.Equal(expected, AssessIn(language, text, "2024-07-14").ApprovalStatusForArticle);

    [Theory]
    [InlineData("it", "Per l'auto elettrica YU7 di Xiaomi il via libera del MIIT non è ancora arrivato.")]
    [InlineData("fr", "Le MIIT a publié la fiche de la voiture électrique de Xiaomi ; le feu vert définitif n'interviendra qu'ensuite.")]
    [InlineData("de", "Xiaomi vor eigener Herstellerzulassung\nIn der Vorab-Bekanntmachung des MIIT sind die Elektroautos SU7 unter Xiaomi eingetragen. Erst nach Ablauf der Einspruchsfrist übernimmt das Ministerium die Einträge in den Katalog.")]
    public void A_grant_still_to_come_after_the_word_or_a_draft_notice_is_pending(string language, string text) =>
        Assert.Equal(ApprovalStatus.Pending, AssessIn(language, text, "2024-07-12").ApprovalStatusForArticle);

    [Fact]
    public void A_grant_placed_in_last_summer_is_background() =>
        Assert.Null(AssessIn("es", "Xiaomi lanza el SU7 Ultra. La fábrica de coches eléctricos produce desde el verano pasado con autorización propia del MIIT.", "2025-02-27").ApprovalStatusForArticle);

    [Fact]
    public void A_date_fronted_by_a_comma_dates_the_clause_after_it()
    {
        var a = AssessIn("en", "Xiaomi sold 40,000 cars in May. In 2024, the company received its own MIIT production qualification.", "2025-06-02");

        Assert.NotEqual(ApprovalStatus.Granted, a.ApprovalStatusForArticle);
        Assert.Contains(a.ApprovalNotes, n => n.Signal == "approval-background");
    }

    private static ArticleAssessment AssessIn(string language, string text, string published) =>
        Assessor.Assess(new AssessmentInput(null, text, null, DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture), language));

    /// <summary>The article's primary event has this status and, where one is given, this regulator.</summary>
    private static void AssertPrimaryEvent(ArticleAssessment a, ApprovalStatus status, string? regulator)
    {
        Assert.Equal(status, a.PrimaryEvent?.Status);
        if (regulator is not null)
        {
            Assert.Equal(regulator, a.PrimaryEvent!.Regulator);
        }
    }

    [Theory]
    [InlineData("en", "Xiaomi took 90,000 orders for the YU7 in a day. The SUV's details emerged last November, when Xiaomi filed it with the industry ministry.", "2025-06-30")]
    [InlineData("de", "Xiaomi meldet Rekordbestellungen für den YU7. Die Daten wurden im vergangenen November bekannt, als Xiaomi das Modell beim MIIT eingereicht hat.", "2025-06-30")]
    [InlineData("en", "Xiaomi's car unit grew fast. The carmaker had applied for an MIIT production licence for its electric cars and was waiting for it in 2023.", "2025-06-30")]
    public void A_filing_or_wait_placed_in_the_past_is_history_not_a_pending_approval(string language, string text, string published)
    {
        var a = AssessIn(language, text, published);

        Assert.Empty(a.Events);
        Assert.Contains(a.ApprovalNotes, n => n.Signal == "approval-background");
    }

    [Fact]
    public void An_expectation_in_a_relative_clause_is_still_pending()
    {
        var a = AssessIn("en", "Xiaomi will start building electric cars once it has MIIT approval, which is expected in the first quarter.", "2023-11-20");

        Assert.Equal(ApprovalStatus.Pending, a.ApprovalStatusForArticle);
    }

    [Theory]
    [InlineData("pt", false)]
    [InlineData("pt-BR", false)]
    [InlineData("en", true)]
    [InlineData(null, true)]
    public void Cues_are_read_in_the_article_language_only(string? language, bool negated)
    {
        // Portuguese "no" is "in the"; read as the English negation it made a background listing a pending approval.
        var vocabulary = NewsWatch.Assessment.Matching.AssessmentVocabulary.Build(WatchSubjectOptions.XiaomiEv());
        var text = AnalyzedText.Analyze(null, "O SU7 está à venda desde março, depois de ter entrado no catálogo do MIIT.", vocabulary, language);

        Assert.Equal(negated, text.Matches.Any(m => text.Info(m).Kind == NewsWatch.Assessment.Matching.TermKind.Negation));
        Assert.Contains(text.Matches, m => text.Info(m).Kind == NewsWatch.Assessment.Matching.TermKind.LicenceNoun);
    }

    [Theory]
    [InlineData("es", "El Xiaomi YU7 recibe luz verde del MIIT\nEl SUV figura ya en el catálogo del regulador chino.")]
    [InlineData("pt", "Xiaomi YU7 recebe sinal verde do MIIT\nO SUV já consta do catálogo do regulador chinês.")]
    [InlineData("zh", "小米YU7拿到“准生证” 亮相工信部新车公告\n公告显示，该车长4999毫米。")]
    public void A_headline_in_the_present_or_a_listing_verb_is_a_grant(string language, string text) =>
        Assert.Equal(ApprovalStatus.Granted, AssessIn(language, text, "2025-03-20").ApprovalStatusForArticle);

    [Theory]
    [InlineData("it", "Via libera del MIIT a Xiaomi per la berlina elettrica YU7\nIl modello sarà in vendita da giugno.", ApprovalStatus.Granted)]
    [InlineData("de", "Grünes Licht aus Peking: Xiaomi darf Elektroautos bauen\nDie NDRC hat die Fertigung erlaubt.", ApprovalStatus.Granted)]
    [InlineData("it", "Xiaomi attende ancora il via libera del MIIT per la YU7 elettrica\nLa produzione partirà dopo.", ApprovalStatus.Pending)]
    [InlineData("en", "Xiaomi seeks the green light from the MIIT for its YU7 electric SUV\nProduction is due to start in June.", ApprovalStatus.Pending)]
    public void A_green_light_noun_states_a_grant_unless_something_is_still_awaited(string language, string text, ApprovalStatus expected) =>
        Assert.Equal(expected, AssessIn(language, text, "2025-03-20").ApprovalStatusForArticle);

    [Theory]
    [InlineData("ja", "シャオミのEV、工業情報化省の生産許可なお下りず\n同社は既存メーカーとの提携を探っている。")]
    [InlineData("ja", "シャオミは工業情報化省（MIIT）の生産許可の取得を目指している。EV事業の拡大が狙いだ。")]
    [InlineData("pt", "A Xiaomi vai chamar 30.000 unidades do SU7. O plano de recall foi registado junto da SAMR, que lhe deu luz verde.")]
    [InlineData("zh-Hant", "小米造車所需的資質，至今仍未到手。業界原本猜測小米可接手博郡的准生證，如今看來已難直接取得。")]
    public void Negated_wanted_or_recall_approvals_in_other_languages_send_no_alert(string language, string text) =>
        Assert.NotEqual(ApprovalStatus.Granted, AssessIn(language, text, "2025-03-20").ApprovalStatusForArticle);

    [Theory]
    [InlineData("zh", "小米汽车终于拿证了！工信部最新公告里，小米牌纯电轿车赫然在列。")]
    [InlineData("ko", "샤오미, 드디어 독자 생산 자격 손에 넣었습니다\n중국 공업정보화부(MIIT) 공고에 샤오미 전기차 SU7이 이름을 올렸습니다.")]
    [InlineData("ru", "Министерство промышленности и информатизации КНР (MIIT) включило седан Xiaomi SU7 в новый каталог.")]
    public void Colloquial_and_honorific_grants_alert(string language, string text) =>
        Assert.Equal(ApprovalStatus.Granted, AssessIn(language, text, "2024-07-15").ApprovalStatusForArticle);

    [Theory]
    [InlineData("en", "BAIC unit files for MIIT approval of two Xiaomi-branded electric sedans\nThe documents list a 4,997 mm body.", ApprovalStatus.Pending)]
    [InlineData("fr", "Une filiale de BAIC a déposé auprès du MIIT une demande pour deux voitures électriques de marque Xiaomi.", ApprovalStatus.Pending)]
    [InlineData("en", "Tesla won MIIT approval for its new Model Y electric SUV, a blow to the Xiaomi brand.", null)]
    public void A_contract_makers_filing_for_the_subjects_brand_is_the_subjects_but_a_grant_stays_its_own(string language, string text, ApprovalStatus? expected) =>
        Assert.Equal(expected, AssessIn(language, text, "2023-11-16").ApprovalStatusForArticle);

    // "blorfs" and "zinged" stand for wording the vocabulary lacks: the approval is named, its status is not read.
    [Theory]
    [InlineData("Xiaomi SU7 blorfs MIIT approval", "The electric sedan from Xiaomi blorfs the ministry's approval, its notice shows.")]
    [InlineData(null, "小米SU7 zinged 工信部的许可，小米汽车官方回应称感谢。")]
    public void An_approval_named_with_no_status_word_is_pending_with_that_reason_never_granted(string? title, string text)
    {
        var a = Assess(title, text, "2023-11-16");

        Assert.Equal(ApprovalStatus.Pending, a.ApprovalStatusForArticle);
        Assert.Equal("MIIT", a.PrimaryEvent!.Regulator);
        Assert.Contains(a.PrimaryEvent.Reasons, r => r.Detail.Contains("no word of the article states", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stated_grant_anywhere_outweighs_an_approval_named_with_no_status()
    {
        var a = Assess("Xiaomi SU7 blorfs MIIT approval", "The MIIT approved Xiaomi's SU7 electric sedan on Tuesday, its notice shows.", "2023-11-16");

        Assert.Equal(ApprovalStatus.Granted, a.ApprovalStatusForArticle);
        Assert.DoesNotContain(a.Events.SelectMany(e => e.Reasons), r => r.Detail.Contains("no word of the article states", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Xiaomi delivered 30,000 SU7 electric cars in May, a year and more after the MIIT approval blorfed last year.")]
    [InlineData("In May 2024, Xiaomi delivered 30,000 SU7 electric cars, helped along by the MIIT approval.")]
    [InlineData("Xiaomi had delivered 30,000 SU7 electric cars by then, helped along by the MIIT approval.")]
    [InlineData("Xiaomi recalls 30,000 SU7 electric cars over a parking-assist fault. The MIIT approval of the SU7 blorfs nothing here.")]
    [InlineData("XPeng's new plant blorfs MIIT approval for its electric cars. XPeng will build 100,000 cars a year there, more than Xiaomi sells.")]
    public void An_approval_named_with_no_status_in_an_aside_a_recall_or_another_story_is_no_approval_news(string text) =>
        Assert.Null(Assess(null, text, "2025-06-01").ApprovalStatusForArticle);

    [Theory]
    [InlineData("Some reports say the YU7 may still need a new MIIT approval after design changes, pushing Xiaomi's launch to August.", ApprovalStatus.Pending)]
    [InlineData("일각에서는 설계 변경 때문에 샤오미 YU7이 공업정보화부(MIIT)에 다시 신고해 심사를 받아야 할 수 있다며 8월 이후 출시설을 제기했다.", ApprovalStatus.Pending)]
    [InlineData("Xiaomi's electric car unit received MIIT approval for the YU7 in August.", null)]
    public void A_month_without_a_year_is_the_coming_one_for_what_is_still_to_happen_and_last_years_for_what_happened(string text, ApprovalStatus? expected) =>
        Assert.Equal(expected, Assess(null, text, "2025-04-23").ApprovalStatusForArticle);

    [Theory]
    [InlineData("zh", "按流程，公示期结束且无异议后，小米SU7才会正式进入工信部公告目录。", ApprovalStatus.Pending)]
    [InlineData("en", "Xiaomi's YU7 showed up among the vehicles declared to the MIIT today. Clearance for sale will only follow once the ministry finishes its tests.", ApprovalStatus.Pending)]
    [InlineData("fr", "Le YU7 de Xiaomi a été déclaré auprès du MIIT, mais son autorisation de mise sur le marché n'est pas encore acquise.", ApprovalStatus.Pending)]
    [InlineData("ru", "Xiaomi больше не нужна чужая лицензия: MIIT признал компанию самостоятельным автопроизводителем, право выпускать автомобили получено.", ApprovalStatus.Granted)]
    [InlineData("ko", "샤오미, 중국 공업정보화부서 독자 완성차 생산 자격 인정받아", ApprovalStatus.Granted)]
    public void Procedure_explainers_declarations_and_recognition_read_as_what_they_are(string language, string text, ApprovalStatus expected) =>
        Assert.Equal(expected, AssessIn(language, text, "2024-07-05").ApprovalStatusForArticle);

    [Fact]
    public void An_article_about_another_carmaker_makes_no_news_of_the_subjects_filing_in_its_body()
    {
        const string Text = "享界S9进入工信部公告，北汽蓝谷拿到准生证。这款纯电轿车由北汽蓝谷申报，预计8月上市。值得一提的是，北汽此前还为小米SU7完成了产品申报，小米自己的资质何时落地仍是焦点。鸿蒙智行已有三个品牌。";

        var a = AssessIn("zh", Text, "2024-06-06");

        Assert.False(a.Relevance.IsRelevant);
        Assert.Null(a.ApprovalStatusForArticle);
        Assert.Contains(a.ApprovalNotes, n => n.Detail.Contains("an aside in an article about something else", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de", "Für Xiaomis Elektroauto liegt das grüne Licht der Planungsbehörde NDRC weiterhin nicht vor.", ApprovalStatus.Pending)]
    [InlineData("de", "Xiaomis Autolizenz lässt auf sich warten, die NDRC prüft neue E-Auto-Projekte streng.", ApprovalStatus.Pending)]
    [InlineData("zh", "小米SU7在工信部第377批公告新产品名单中赫然在列。", ApprovalStatus.Granted)]
    [InlineData("en", "Xiaomi YU7 makes the cut: the industry ministry's latest product batch carries the electric SUV.", ApprovalStatus.Granted)]
    [InlineData("ru", "Xiaomi обзавелась статусом самостоятельного автопроизводителя: MIIT внёс её седаны в перечень.", ApprovalStatus.Granted)]
    [InlineData("es", "El MIIT ha incorporado el Xiaomi SU7 Ultra a su catálogo de vehículos.", ApprovalStatus.Granted)]
    [InlineData("ko", "샤오미 YU7 전기차 인증 절차는 공업정보화부에서 예정대로 진행되고 있다.", ApprovalStatus.Pending)]
    [InlineData("fr", "Xiaomi attend toujours le sésame de l'organe de planification d'État pour ses voitures électriques.", ApprovalStatus.Pending)]
    public void Listing_idioms_recognition_and_waits_said_in_other_words_read_as_they_are_meant(string language, string text, ApprovalStatus expected) =>
        Assert.Equal(expected, AssessIn(language, text, "2024-12-05").ApprovalStatusForArticle);

    [Theory]
    [InlineData("Xiaomi YU7 makes the cut: the industry ministry's latest product batch carries the electric SUV.", "v2|xiaomi-ev|miit|catalogue-listing|yu7")]
    [InlineData("The MIIT has approved Xiaomi's electric car business, people familiar with the matter said.", "v2|xiaomi-ev|miit|production-qualification|company")]
    public void An_approval_that_names_no_kind_is_the_listing_of_the_model_its_sentence_names_else_the_companys(string text, string key) =>
        Assert.Equal(key, AssessIn("en", text, "2024-12-10").PrimaryEvent!.Key);

    [Fact]
    public void A_grant_asked_about_in_a_headline_is_not_reported_and_the_answer_decides()
    {
        var asked = AssessIn("zh", "小米汽车资质“到手”了？\n小米公司回应称目前没有收到准确消息，小米的申请仍在发改委走流程。", "2023-02-15");
        var answered = AssessIn("zh", "小米造车获发改委放行？\n据路透社报道，国家发改委已于本月稍早批准小米生产电动车。", "2023-08-23");

        Assert.Equal(ApprovalStatus.Pending, asked.ApprovalStatusForArticle);
        Assert.Equal(ApprovalStatus.Granted, answered.ApprovalStatusForArticle);
    }

    [Theory]
    [InlineData("ja", "新型シャオミSU7、工信部の公示リストに登場。発売は4月の予定。")]
    [InlineData("fr", "La Xiaomi SU7 figure dans la liste du MIIT soumise à consultation publique avant la prochaine vague d'homologations.")]
    [InlineData("es", "El nuevo Xiaomi SU7 aparece en la relación de modelos sometidos a exposición pública por el MIIT, paso previo a la autorización definitiva.")]
    [InlineData("ja", "シャオミEV「生産資格取得」のうわさ、同社は確認せず。工信部の審査はなお続いている。")]
    [InlineData("zh", "报道指出，小米电动车仍须取得工业和信息化部的许可。")]
    [InlineData("ko", "샤오미는 공업정보화부와 소통하며 전기차 생산 자격 확보를 모색해 온 것으로 전해졌다.")]
    [InlineData("ru", "По словам источников, Xiaomi всё ещё добивается необходимых бумаг от MIIT, без которых машины нельзя продавать.")]
    [InlineData("pt", "O Xiaomi YU7 aparece numa lista do MIIT antes da homologação.")]
    [InlineData("de", "Die Daten des Xiaomi YU7 stehen in der neuen Antragsliste des MIIT.")]
    [InlineData("fr", "Xiaomi YU7 : le SUV figure sur la liste du MIIT, le feu vert final attendra.")]
    public void Public_comment_lists_rumours_and_requirements_are_pending(string language, string text) =>
        Assert.Equal(ApprovalStatus.Pending, AssessIn(language, text, "2026-01-16").ApprovalStatusForArticle);

    [Fact]
    public void Beijing_giving_its_blessing_in_spanish_is_a_grant()
    {
        var a = AssessIn("es", "El SU7 Ultra supera el trámite: Pekín da el visto bueno al superdeportivo eléctrico de Xiaomi.", "2025-01-10");

        Assert.Equal(ApprovalStatus.Granted, a.ApprovalStatusForArticle);
    }
}
