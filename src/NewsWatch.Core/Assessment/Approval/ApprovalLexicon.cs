using NewsWatch.Assessment.Matching;

namespace NewsWatch.Assessment.Approval;

/// <summary>
/// How news language states that an approval was granted, is pending or was refused: approval words,
/// realised (past/perfect, headline-present) verb forms, and the cues that move a statement away from
/// "granted" — irrealis and waiting words, negation, refusal, past-perfect backstory — plus what is
/// regulatory but not an approval (recalls, investigations). This is knowledge of languages, not of the
/// watched subject, so it lives in code; subjects, regulators and authorities are configuration.
/// Bare infinitives ("to get", "obtener", "получить") are deliberately absent from the grant lists:
/// they name an approval without saying it happened.
/// </summary>
internal static class ApprovalLexicon
{
    /// <summary>Every entry: kind, cue scope and pattern (see <see cref="TermMatcher"/> for the pattern syntax).</summary>
    public static IEnumerable<(TermKind Kind, CueScope Scope, string Term)> Entries()
    {
        foreach (var t in ApprovalNouns) yield return (TermKind.ApprovalNoun, CueScope.Both, t);
        foreach (var t in LicenceNouns) yield return (TermKind.LicenceNoun, CueScope.Both, t);
        foreach (var t in GrantVerbs) yield return (TermKind.GrantVerb, CueScope.Both, t);
        foreach (var t in TransferVerbs) yield return (TermKind.TransferVerb, CueScope.Both, t);
        foreach (var t in PendingBefore) yield return (TermKind.PendingCue, CueScope.Right, t);
        foreach (var t in PendingAfter) yield return (TermKind.PendingCue, CueScope.Left, t);
        foreach (var t in PendingEither) yield return (TermKind.PendingCue, CueScope.Both, t);
        foreach (var t in PendingPast) yield return (TermKind.PastPendingCue, CueScope.Both, t);
        foreach (var t in RequirementsBefore) yield return (TermKind.RequirementCue, CueScope.Right, t);
        foreach (var t in RequirementsAfter) yield return (TermKind.RequirementCue, CueScope.Left, t);
        foreach (var t in RequirementsEither) yield return (TermKind.RequirementCue, CueScope.Both, t);
        foreach (var t in Denials) yield return (TermKind.DenialCue, CueScope.Both, t);
        foreach (var t in NegationsBefore) yield return (TermKind.Negation, CueScope.Right, t);
        foreach (var t in NegationsAfter) yield return (TermKind.Negation, CueScope.Left, t);
        foreach (var t in Background) yield return (TermKind.BackgroundCue, CueScope.Right, t);
        foreach (var t in Hedges) yield return (TermKind.HedgeCue, CueScope.Both, t);
        foreach (var t in NonApprovals) yield return (TermKind.NonApproval, CueScope.Both, t);
        foreach (var t in ClauseBreaks) yield return (TermKind.ClauseBreak, CueScope.Both, t);
        foreach (var t in NotNegations) yield return (TermKind.Neutral, CueScope.Both, t);
    }

    /// <summary>
    /// The subject's own approval language (<see cref="WatchSubjectOptions.ApprovalLanguage"/>), every
    /// language at once: a report may quote or mix languages, and the scan costs the same.
    /// </summary>
    public static IEnumerable<(TermKind Kind, CueScope Scope, string Term)> SubjectEntries(WatchSubjectOptions subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        foreach (var language in subject.ApprovalLanguage.Values)
        {
            foreach (var t in language.ApprovalNouns) yield return (TermKind.ApprovalNoun, CueScope.Both, t);
            foreach (var t in language.LicenceNouns) yield return (TermKind.LicenceNoun, CueScope.Both, t);
            foreach (var t in language.GrantVerbs) yield return (TermKind.GrantVerb, CueScope.Both, t);
            foreach (var t in language.TransferVerbs) yield return (TermKind.TransferVerb, CueScope.Both, t);
            foreach (var t in language.PendingCues) yield return (TermKind.PendingCue, CueScope.Right, t);
            foreach (var t in language.PendingCuesEitherSide) yield return (TermKind.PendingCue, CueScope.Both, t);
            foreach (var t in language.DenialCues) yield return (TermKind.DenialCue, CueScope.Both, t);
            foreach (var t in language.FilingCues) yield return (TermKind.FilingCue, CueScope.Both, t);
            foreach (var t in language.BackgroundCues) yield return (TermKind.BackgroundCue, CueScope.Right, t);
            foreach (var t in language.RelativeCues) yield return (TermKind.RelativeCue, CueScope.Right, t);
            foreach (var t in language.RetrospectiveCues) yield return (TermKind.RetrospectiveCue, CueScope.Both, t);
            foreach (var t in language.PastTimeCues) yield return (TermKind.PastTimeCue, CueScope.Both, t);
            foreach (var t in language.Hedges) yield return (TermKind.HedgeCue, CueScope.Both, t);
            foreach (var t in language.NonApprovals) yield return (TermKind.NonApproval, CueScope.Both, t);
        }
    }

    // Words for an approval that are regulatory only when an authority is in view ("the nod").
    private static readonly string[] ApprovalNouns =
    [
        "approval", "approvals", "green light", "the go ahead", "a go ahead", "its go ahead", "go aheads", "nod", "blessing", "clearance", "sign off", "authorization",
        "authorisation", "authorizations", "permission", "consent", "seal of approval", "approve", "approving", "authorize",
        "authorise", "sign off on",
        "审批", "批文", "批复", "许可", "绿灯", "核准文件",
        "承認", "認可", "許可", "ゴーサイン", "認証",
        "승인", "인가", "심사",
        "*genehmigung*", "erlaubnis", "*erlaubnis", "zustimmung", "grünes licht", "grüne licht", "freigabe", "okay", "plazet",
        "zustimmen", "genehmigen", "erlauben", "freigeben",
        "autorisation*", "feu vert", "agrément", "approbation", "aval", "homologation", "autoriser", "approuver",
        "aprobación", "aprobaciones", "autorización*", "luz verde", "permiso*", "visto bueno", "aprobar", "autorizar",
        "aprovação", "autorização", "autorizações", "sinal verde", "permissão", "aprovar",
        "approvazione", "autorizzazion*", "via libera", "permesso", "benestare", "nulla osta", "approvare", "autorizzare",
        "одобрени*", "разрешени*", "согласовани*", "зеленый свет", "зелёный свет", "одобрить", "разрешить",
        "jóváhagy*", "engedély*", "hozzájárulás*", "zöld utat", "zöld jelzés",
        "zgod*", "zezwoleni*", "pozwoleni*", "zielone światło",
    ];

    // Permissions that are regulatory on their own.
    private static readonly string[] LicenceNouns =
    [
        "license", "licence", "licenses", "licences", "licensing", "permit", "permits", "qualification", "qualifications",
        "production credentials", "accreditation", "catalogue", "catalog",
        "资质", "生产资质", "牌照", "许可证", "准入", "目录", "公告", "生产许可",
        "製造許可", "生産許可", "生産資格", "資格", "ライセンス",
        "면허", "자격", "라이선스", "허가",
        "lizenz*", "*lizenz", "zulassung*", "*zulassung",
        "licence*", "permis", "qualification*",
        "licencia*", "cualificación*", "homologación",
        "licença*", "qualificação",
        "licenza*", "catalogo", "omologazion*", "qualifica",
        "лицензи*", "допуск*",
        "gyártási engedély*", "licenc*",
        "licencj*",
    ];

    // Realised verb forms that state a grant by themselves.
    private static readonly string[] GrantVerbs =
    [
        "approved", "approves", "cleared", "clears", "signed off", "signs off", "authorized", "authorised", "authorizes",
        "authorises", "licensed", "permitted", "allowed", "greenlit", "greenlighted", "green lit", "green lighted", "okayed",
        "granted",
        "批准", "获批", "获准", "获颁", "颁发", "放行", "开绿灯", "核准",
        "承認した", "承認された", "認可した", "認可された", "許可した", "許可された", "下りた", "認めた",
        "승인했", "허가했", "인가했", "내줬", "내주었",
        "genehmigt", "genehmigte", "erteilt", "erteilte", "gestattet", "gestattete", "zugelassen", "bewilligt", "zugestimmt",
        "abgesegnet", "freigegeben", "liegt nun vor", "liegt vor",
        "autorisé", "autorisée", "approuvé", "approuvée", "accordé", "accordée", "validé", "homologué",
        "autorizó", "ha autorizado", "autorizado", "autorizada", "aprobó", "ha aprobado", "aprobado", "aprobada", "otorgó",
        "concedió", "avaló",
        "autorizou", "aprovou", "aprovado", "aprovada", "concedeu", "liberou", "liberado", "liberada",
        "approvato", "approvata", "autorizzato", "autorizzata", "concesso", "concessa",
        "разрешил", "разрешила", "разрешили", "одобрил", "одобрила", "одобрили", "одобрен", "одобрена", "выдал", "выдала",
        "выдали", "выдано",
        "jóváhagyta", "engedélyezte", "megadta",
        "zatwierdził*", "zezwolił*",
    ];

    // Realised receiving/giving verbs: a grant when an approval word is near.
    private static readonly string[] TransferVerbs =
    [
        "received", "receives", "got", "gets", "gotten", "won", "wins", "obtained", "obtains", "secured", "secures", "gained",
        "gains", "earned", "earns", "landed", "acquired", "gave", "gives", "given", "issued", "issues", "awarded", "handed",
        "grants", "came", "arrived", "appeared in", "appears in", "lists", "listed", "listed in", "listed on", "included in",
        "拿到", "拿下", "获得", "取得", "得到", "给予", "发放", "下发", "颁给", "现身", "出现在", "列入",
        "得た", "得て", "取得", "獲得", "受けた", "もらった",
        "얻었", "받았", "획득", "취득", "따냈", "통과했",
        "bekommen", "bekam", "erhalten", "erhielt", "erhielten", "kam", "gegeben", "gab", "vergeben", "errungen",
        "a obtenu", "obtenu", "obtenue", "obtient", "a reçu", "reçu", "décroché", "vient de décrocher", "vient d'obtenir", "donné",
        "recibió", "ha recibido", "recibido", "obtuvo", "ha obtenido", "obtenido", "consiguió", "ha conseguido", "logró",
        "ha logrado", "cuenta con", "cuenta ya con", "dio", "ha dado", "llegó",
        "obteve", "recebeu", "conseguiu", "ganhou", "veio", "chegou", "deu",
        "ha ottenuto", "ottenuto", "ottenuta", "ha ricevuto", "ricevuto", "ricevuta", "ottiene", "arrivato", "arrivata", "comparso",
        "apparso",
        "получил", "получила", "получили", "получен", "получено",
        "megkapta", "kapott", "megszerezte", "elnyerte",
        "otrzymał*", "uzyskał*", "dostał*", "zdobył*",
    ];

    // Cues that apply to an approval word after them: "close to [getting approval]".
    private static readonly string[] PendingBefore =
    [
        "close to", "closer to", "nearing", "near to", "on the verge of", "on the cusp of", "about to", "set to", "poised to",
        "expected to", "expects to", "expect to", "aims to", "intends to", "likely to", "will", "would", "could", "should", "might", "hopes to", "hoping to", "hope",
        "plans to", "planning to", "seeking", "seeks", "sought", "applied for", "applying for", "has applied", "applies for",
        "application", "awaiting", "await", "awaits", "waiting for", "wait for", "waiting on", 
        "has yet to", "have yet to", "yet to", "before",
        "difficulties", "difficulty", "struggled", "struggling", "struggles", "struggle", "held up", "hold ups", "holdups",
        "delays", "delay", "delayed", "obstacles", "obstacle", "hurdle", "hurdles", "barrier", "barriers", "trouble",
        "troubles", "problems", "not yet", "still waiting", "in talks", "negotiating", "lobbying", "missed", "failed to",
        "fails to", "unable to", "cannot", "can't", "couldn't", "wary of", "reluctant to", "hesitant to", 
        "facing", "faces", "faced",
        "接近", "即将", "将获得", "将获", "将拿到", "将取得", "将会", "将于", "有望", "申请", "等待", "等候", "尚未", 
        "困难", "难以", "未能",
        "正在", "争取", "谈判", "洽谈", "希望", "计划", "预计", "可能", "或将", "拟", "还没", "仍未", "迟迟", "仍在",
        "申請", "まだ", "目指",
        "아직", "신청", "대기",
        "beantragt", "beantragen", "antrag", "wartet", "warten", "fehlt", "fehlen", "schwierigkeiten", "verzögerung*", "hürde",
        "kurz vor",
        "manque", "attend", "en attente", "devrait", "pourrait", "sur le point d*",
        "proche d*", "près d*", "demande", "difficultés", "retard*", "toujours pas", "pas encore",
        "a punto de", "cerca de", "recibirá", "obtendrá", "conseguirá", "todavía no",
        "aún no", "antes de", "retrasos", "retraso", "dificultades", "problemas para",
        "le ha costado", "espera", "a la espera", "solicitó", "solicitud", "podría", 
        "aguarda", "à espera", "prestes a", "perto de",
        "próximo de", "poderá", "poderia", "solicitou", "dificuldades", "atrasos", "ainda não", "receberá", "obterá",
        "per poter", "in attesa", "attende", "non ancora", "dovrebbe", "potrebbe",
        "otterrà", "riceverà", "vicino a", "vicina a", "sul punto di", "in procinto di", "difficoltà", "ritardi", "richiesta",
        "пока что", "пока не", "еще не", "ещё не", "не удается", "не удаётся", "не может", "сложности", "трудности",
        "проблемы с", "ожидает", "ждет", "ждёт", "рассчитывает", "планирует",
        "переговоры", "близка к", "близок к", "вот вот", "получит", "надеется",
        "még nem", "vár", "várja", "hamarosan", "kérelem", "nehézség*",
        "jeszcze nie", "czeka", "oczekuje", "wkrótce", "trudności",
    ];

    // Cues that apply to an approval word before them: "[approval] is pending", "[资质]获颁之前".
    private static readonly string[] PendingAfter =
    [
        "pending", "outstanding", "without success", 
        "之前", "变数", "受阻", "在即", "未果",
        "見込み", "予定", "近い", "見通し", "難航",
        "앞두", "예정", "전망", "어려움", "난항",
        "steht noch aus", "noch aus", "ausstehend", "aussteht",
        "se fait attendre",
        "pendiente",
        "pendente",
        
    ];

    // German (and Dutch) put the verb last, so their modal cues may follow the approval word.
    private static readonly string[] PendingEither =
    [
        "慎重", "cautious",
        "noch nicht", "dürfte", "könnte", "würde",
    ];

    // What is still required: a next step, usually another regulator's, said after a grant as often as before one.
    private static readonly string[] RequirementsBefore =
    [
        "still needs", "still need", "needs to", "need to", "must still", "must", "still has to", "step remains",
        "steps remain", "another step", "next step", "remaining step", "needed to obtain", "needed to get", "needed to secure",
        "required to obtain", "necessary to obtain", "necessary step", "step toward", "step towards", "prerequisite", "仍需", "还需", "还得", "需要", "doit encore", "devra",
        "necesita", "necesitará", "necesario", "debe", "deberá", "tendrá que", "le queda", "queda", "quedan",
        "ainda depende", "depende", "precisa", "precisará", "falta", "faltam", "deverá", "necessario", "necessaria",
        "dovrà", "должна", "должен", "нужно", "необходимо", "musi",
    ];

    private static readonly string[] RequirementsAfter =
    [
        "必要", "해야", "필요", "szükség", "kell", "still required",
    ];

    // German (and Dutch) modals may follow the approval word: "ihr Okay geben muss".
    private static readonly string[] RequirementsEither =
    [
        "muss noch", "müssen noch", "muss", "müssen", "braucht", "benötigt",
    ];

    // Narrative past of waiting and lacking: how things stood before the story ("what it lacked until now").
    private static readonly string[] PendingPast =
    [
        "fehlte", "fehlten", "manquait", "tardait", "sufría", "faltaba", "tardaba", "faltava", "mancava", "tardava",
    ];

    private static readonly string[] Denials =
    [
        "rejected", "rejects", "refused", "refuses", "turned down", "denied approval", "declined to approve", "vetoed",
        "blocked", "revoked",
        "驳回", "拒绝", "否决", "不予", "撤销", "叫停",
        "却下", "拒否", "不許可",
        "거부", "반려", "불허",
        "abgelehnt", "lehnte", "verweigert", "untersagt",
        "refusé", "refusée", "rejeté", "rejetée",
        "rechazó", "rechazado", "rechazada", "denegó", "denegado", "vetó",
        "rejeitou", "recusou", "vetou", "barrou",
        "respinto", "respinta", "bocciato", "rifiutato",
        "отказал*", "отклонил*", "запретил*",
        "elutasít*",
    ];

    private static readonly string[] NegationsBefore =
    [
        "not", "no", "never", "without", "hasn't", "haven't", "hadn't", "didn't", "doesn't", "isn't", "wasn't", "lacks",
        "lacking", "lack", "neither", "nor",
        "未", "没有", "没", "不", "无",
        "nicht", "kein", "keine", "keinen", "ohne", "nie",
        "pas", "jamais", "sans", "aucun", "aucune",
        "nunca", "sin", "ningún", "ninguna",
        "não", "sem", "nenhum",
        "non", "mai", "senza", "nessun",
        "не", "нет", "без", "ни",
        "nem", "nincs", "sem",
        "nie", "bez",
    ];

    // Japanese and Korean negate after the verb: "得ていない", "받지 못한".
    private static readonly string[] NegationsAfter = ["ていない", "ない", "못", "않", "없"];

    // Past perfect and "earlier": a grant told as backstory is not the news.
    private static readonly string[] Background =
    [
        "had", "previously", "since", "seit", "seitdem", "自从", "depuis que", "desde que",
        "此前", "曾", "曾经", "早在", "早已",
        "hatte", "hatten", "schon vor", "bereits vor",
        "avait", "avaient", "auparavant",
        "había", "habían", "anteriormente", "previamente",
        "tinha", "tinham", "havia", "haviam",
        "aveva", "avevano", "in precedenza",
    ];

    private static readonly string[] Hedges =
    [
        "reportedly", "according to", "sources", "source", "people familiar", "familiar with the matter", "citing",
        "is said to", "rumor", "rumour", "said", "says", "reported", "reports", "told", "announced", "confirmed", "disclosed",
        "stated",
        "据", "据悉", "传", "援引", "知情人士", "消息人士", "据报道",
        "関係者", "によると", "伝えた", "報じた",
        "소식통", "따르면",
        "laut", "zufolge", "offenbar", "angeblich", "insider", "berichtet", "sagte", "teilte mit",
        "selon", "d'après",
        "según", "fuentes", "de acuerdo con",
        "segundo", "fontes", "de acordo com",
        "secondo", "fonti", "stando a",
        "по данным", "сообщает", "источник*", "по словам", "как пишет",
        "szerint",
    ];

    private static readonly string[] NonApprovals =
    [
        "recall", "recalls", "recalled", "recalling", "investigation", "investigations", "investigating", "probe", "probes",
        "fined", "penalty", "penalties",
        "召回", "调查", "处罚", "罚款", "约谈", "立案",
        "リコール", "調査", "処分",
        "리콜", "조사", "과징금",
        "rückruf*", "untersuchung*", "ermittlung*", "bußgeld",
        "rappel", "enquête", "amende",
        "retirada", "llamada a revisión", "investigación", "multa",
        "investigação",
        "richiamo", "indagine",
        "отзыв*", "отзовет", "расследовани*", "штраф*",
    ];

    // "Not only" is emphasis, not negation; listing it lets the longest match hide the "not".
    private static readonly string[] NotNegations =
    [
        "not only", "不仅", "不但", "不只", "nicht nur", "pas seulement", "no solo", "no sólo", "não só", "non solo", "не только",
        "no longer",
    ];

    private static readonly string[] ClauseBreaks =
    [
        "but", "however", "while", "whereas", "although", "though", "meanwhile", "since", "because",
        "但", "但是", "不过", "然而", "虽然", "尽管", "同时",
        "ただし", "しかし", "一方",
        "다만", "하지만", "그러나", "반면",
        "aber", "jedoch", "allerdings", "während", "obwohl", "doch",
        "mais", "cependant", "tandis que", "bien que", "alors que", "pourtant",
        "pero", "sin embargo", "aunque", "mientras", "aun así",
        "mas", "porém", "embora", "enquanto", "contudo",
        "ma", "però", "mentre", "tuttavia", "sebbene",
        "но", "однако", "хотя", "тогда как",
        "azonban", "viszont",
        "ale", "jednak",
    ];
}
