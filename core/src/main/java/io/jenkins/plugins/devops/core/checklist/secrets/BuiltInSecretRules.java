package io.jenkins.plugins.devops.core.checklist.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in rules. Every rule names its prefilter keywords and its expression starts with one of them (the
 * scanner runs the expression only where a keyword occurs). Token formats with a fixed prefix need little more
 * than the prefix and an entropy floor; the generic assignment rule ({@code password = ...}, {@code API_KEY: ...})
 * leans on entropy, a digit, stop words and an allowlist of identifiers that name no secret ({@code keyName},
 * {@code credentialsId}).
 */
final class BuiltInSecretRules {
    private BuiltInSecretRules() {}

    /** What may follow a secret: a quote, blank, separator, tag, escaped newline or the end of the line. */
    private static final String END = "(?=[\\x60'\"\\s;,)<&\\]}\\\\]|$)";

    /** An assignment operator between a name and its value; a comma only before a quoted value (call arguments). */
    private static final String ASSIGN =
            "[ \\t'\"]{0,3}(?:(?:=|:{1,3}=|\\?=|\\.=|\\+=|=>|:|\\|\\|)[ \\t\\x60'\"=]{0,5}" + "|,[ \\t]*[\\x60'\"])";

    /** The rest of a curl command: its line and the lines continued with a backslash (also in # comments). */
    private static final String CURL_ARGUMENTS = "(?:[^\\n\\\\]|\\\\\\r?\\n[ \\t]*#?|\\\\.){0,400}?";

    /** Passwords that are the name of the thing, not a secret ({@code user:password@host}). */
    private static final Pattern TRIVIAL_PASSWORD = Pattern.compile(
            "(?i)^(?:password|passwd|pass|secret|pwd|changeme|admin|root|user(?:name)?|test|example|guest|token)$");

    static List<SecretRule> rules() {
        List<SecretRule> rules = new ArrayList<>();
        // Cloud providers
        rules.add(token(
                "aws-access-key-id",
                "AWS access key ID",
                "\\b((?:A3T[A-Z0-9]|AKIA|ABIA|ACCA|ASIA)[A-Z0-9]{16})\\b",
                3.0,
                "a3t",
                "akia",
                "abia",
                "acca",
                "asia"));
        rules.add(token(
                "aws-secret-access-key",
                "AWS secret access key assignment",
                "(?i)aws[_.-]?(?:secret[_.-]?(?:access[_.-]?)?key|sak)[\\w.-]{0,12}" + ASSIGN
                        + "([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
                3.5,
                "aws"));
        rules.add(token(
                "aws-bedrock-api-key",
                "Amazon Bedrock API key",
                "\\b(ABSK[A-Za-z0-9+/]{109,269}={0,2})" + END,
                3.0,
                "absk"));
        rules.add(token("google-api-key", "Google / GCP API key", "\\b(AIza[\\w-]{35})" + END, 3.5, "aiza"));
        rules.add(plain(
                "gcp-service-account",
                "Google Cloud service account key file",
                "\"type\"\\s*:\\s*\"service_account\"",
                "\"type\""));
        rules.add(token(
                "azure-ad-client-secret",
                "Azure AD client secret",
                "(?<=(?:^|[\\\\'\"\\x60\\s>=:(,)])[a-zA-Z0-9_~.]{3}\\d)(Q~[a-zA-Z0-9_~.-]{31,34})" + END,
                3.0,
                "q~"));
        rules.add(token(
                "digitalocean-token",
                "DigitalOcean token",
                "\\b(do[por]_v1_[a-f0-9]{64})\\b",
                3.0,
                "dop_v1_",
                "doo_v1_",
                "dor_v1_"));
        rules.add(token(
                "alibaba-access-key-id", "Alibaba Cloud AccessKey ID", "\\b(LTAI[a-zA-Z0-9]{20})\\b", 3.0, "ltai"));
        // Source control and CI
        rules.add(token(
                "github-token",
                "GitHub token",
                "\\b(gh[pousr]_[A-Za-z0-9]{36,255})\\b",
                3.0,
                "ghp_",
                "gho_",
                "ghu_",
                "ghs_",
                "ghr_"));
        rules.add(token(
                "github-fine-grained-token",
                "GitHub fine-grained token",
                "\\b(github_pat_\\w{82})\\b",
                3.0,
                "github_pat_"));
        rules.add(token(
                "gitlab-token",
                "GitLab token (personal, deploy, runner, trigger, feed, OAuth, agent ...)",
                "\\b((?:glpat|gldt|glptt|glrt|glft|glimt|glagent|gloas|glcbt|glsoat|glffct)-[0-9A-Za-z_.-]{20,300}"
                        + "|GR1348941[\\w-]{20,})" + END,
                3.0,
                "glpat-",
                "gldt-",
                "glptt-",
                "glrt-",
                "glft-",
                "glimt-",
                "glagent-",
                "gloas-",
                "glcbt-",
                "glsoat-",
                "glffct-",
                "gr1348941"));
        rules.add(token(
                "gitlab-session-cookie",
                "GitLab session cookie",
                "_gitlab_session=([0-9a-z]{32})\\b",
                3.0,
                "_gitlab_session="));
        rules.add(token("npm-token", "npm access token", "(?i)\\b(npm_[a-z0-9]{36})\\b", 3.0, "npm_"));
        rules.add(token(
                "pypi-token",
                "PyPI upload token",
                "\\b(pypi-AgEIcHlwaS5vcmc[\\w-]{50,})",
                3.0,
                "pypi-ageichlwas5vcmc"));
        rules.add(token("rubygems-token", "RubyGems API token", "\\b(rubygems_[a-f0-9]{48})\\b", 3.0, "rubygems_"));
        rules.add(token("clojars-token", "Clojars deploy token", "(?i)\\b(CLOJARS_[a-z0-9]{60})\\b", 3.0, "clojars_"));
        rules.add(token(
                "sonar-token",
                "SonarQube / SonarCloud token",
                "\\b((?:squ|sqp|sqa)_[a-zA-Z0-9]{40})\\b",
                3.0,
                "squ_",
                "sqp_",
                "sqa_"));
        rules.add(token("octopus-deploy-api-key", "Octopus Deploy API key", "\\b(API-[A-Z0-9]{26})\\b", 3.0, "api-"));
        rules.add(token(
                "hashicorp-vault-token",
                "HashiCorp Vault token",
                "\\b(hv[sb]\\.[\\w-]{90,300})\\b",
                3.5,
                "hvs.",
                "hvb."));
        rules.add(token(
                "terraform-cloud-token",
                "Terraform Cloud API token",
                "(?i)\\b([a-z0-9]{14}\\.atlasv1\\.[a-z0-9=_-]{60,70})" + END,
                3.5,
                ".atlasv1."));
        rules.add(token("pulumi-token", "Pulumi access token", "\\b(pul-[a-f0-9]{40})\\b", 3.0, "pul-"));
        rules.add(token("doppler-token", "Doppler token", "\\b(dp\\.pt\\.[a-zA-Z0-9]{43})\\b", 3.0, "dp.pt."));
        rules.add(token(
                "jfrog-token",
                "JFrog / Artifactory key or reference token",
                "\\b((?:AKCp|cmVmd)[A-Za-z0-9]{59,69})\\b",
                3.0,
                "akcp",
                "cmvmd"));
        // Chat and collaboration
        rules.add(token(
                "slack-token",
                "Slack token (bot, user, app, configuration, legacy)",
                "\\b((?:xox[bpaers]-\\d{8,14}-\\d{8,14}(?:-\\d{8,14})?-[A-Za-z0-9]{20,40}"
                        + "|xox[os]-\\d+-\\d+-\\d+-[a-fA-F\\d]{7,}"
                        + "|xox[ar]-\\d-\\d+-\\d+-\\d+-[a-f0-9]{10,}"
                        + "|xox[ar]-(?:\\d-)?[0-9a-zA-Z]{8,48}"
                        + "|xoxb-\\d{8,14}-[a-zA-Z0-9]{18,34}"
                        + "|(?i:xoxe\\.xox[bp]-\\d-[a-z0-9]{150,170}|xoxe-\\d-[a-z0-9]{140,150})"
                        + "|xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]{20,}))" + END,
                // below the usual 3.0: legacy workspace tokens are mostly digits (xoxa-2-5111...-e039...), and the
                // xox prefix with its numeric parts is specific enough
                2.5,
                "xoxb-",
                "xoxp-",
                "xoxa-",
                "xoxe-",
                "xoxr-",
                "xoxs-",
                "xoxo-",
                "xoxe.",
                "xapp-"));
        rules.add(token(
                "slack-webhook",
                "Slack webhook (incoming, workflow or trigger)",
                "(hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{40,})",
                3.0,
                "hooks.slack.com/"));
        rules.add(token(
                "teams-webhook",
                "Microsoft Teams incoming webhook",
                "(webhook\\.office\\.com/webhookb2/[a-z0-9-]+@[a-z0-9-]+/IncomingWebhook/[a-z0-9]{32}/[a-z0-9-]{36})",
                3.0,
                "webhook.office.com/"));
        rules.add(token(
                "discord-webhook",
                "Discord webhook",
                "(discord(?:app)?\\.com/api/webhooks/\\d{17,20}/[\\w-]{60,70})",
                3.0,
                "discord.com/api/webhooks/",
                "discordapp.com/api/webhooks/"));
        rules.add(token(
                "telegram-bot-token",
                "Telegram bot token",
                "(?i)telegram[ \\t\\w.-]{0,20}?" + ASSIGN + "(\\d{5,16}:A[a-z0-9_-]{34})" + END,
                3.0,
                "telegram"));
        rules.add(token(
                "atlassian-api-token", "Atlassian API token", "\\b(ATATT3[A-Za-z0-9_=-]{186})" + END, 3.0, "atatt3"));
        rules.add(token("notion-token", "Notion integration token", "\\b(ntn_\\d{11}[A-Za-z0-9]{35})\\b", 3.0, "ntn_"));
        rules.add(token("linear-api-key", "Linear API key", "\\b(lin_api_[a-z0-9]{40})\\b", 3.0, "lin_api_"));
        // Payments, e-mail, messaging
        rules.add(token(
                "stripe-key",
                "Stripe secret or restricted key (live or test)",
                "\\b((?:sk|rk)_(?:live|test|prod)_[a-zA-Z0-9]{10,99})\\b",
                2.0,
                "sk_live_",
                "sk_test_",
                "sk_prod_",
                "rk_live_",
                "rk_test_",
                "rk_prod_"));
        rules.add(token(
                "square-token",
                "Square access token or secret",
                "\\b((?:EAAA|sq0atp-)[\\w-]{22,60}|sq0csp-[\\w-]{43})\\b",
                3.0,
                "eaaa",
                "sq0atp-",
                "sq0csp-"));
        rules.add(token("sendgrid-api-key", "SendGrid API key", "\\b(SG\\.[\\w-]{22}\\.[\\w-]{43})\\b", 3.0, "sg."));
        rules.add(token(
                "sendinblue-api-key",
                "Brevo (Sendinblue) API key",
                "\\b(xkeysib-[a-f0-9]{64}-[a-z0-9]{16})\\b",
                3.0,
                "xkeysib-"));
        rules.add(token(
                "mailgun-key",
                "Mailgun API or public key",
                "\\b((?:key|pubkey)-[a-f0-9]{32})\\b",
                3.0,
                "key-",
                "pubkey-"));
        rules.add(token(
                "shopify-token",
                "Shopify access token or shared secret",
                "\\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\\b",
                3.0,
                "shpat_",
                "shpca_",
                "shppa_",
                "shpss_"));
        rules.add(token("easypost-api-key", "EasyPost API key", "\\b(EZ[AT]K[a-zA-Z0-9]{54})\\b", 3.0, "ezak", "eztk"));
        rules.add(token(
                "flutterwave-key",
                "Flutterwave key",
                "\\b(FLW(?:SECK|PUBK)_TEST-[a-h0-9]{32}-X" + "|FLWSECK_TEST-?[a-h0-9]{12})",
                3.0,
                "flwseck_test",
                "flwpubk_test"));
        // AI, developer platforms and monitoring
        rules.add(token(
                "openai-api-key",
                "OpenAI API key",
                "\\b(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}"
                        + "|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})" + END,
                3.0,
                "sk-"));
        rules.add(token(
                "anthropic-api-key",
                "Anthropic API key",
                "\\b(sk-ant-(?:api03|admin01)-[a-zA-Z0-9_-]{93}AA)" + END,
                3.0,
                "sk-ant-"));
        rules.add(token(
                "huggingface-token",
                "Hugging Face access token",
                "\\b(hf_[a-zA-Z]{34}|api_org_[a-zA-Z]{34})" + END,
                3.0,
                "hf_",
                "api_org_"));
        rules.add(token("perplexity-api-key", "Perplexity API key", "\\b(pplx-[a-zA-Z0-9]{48})" + END, 3.0, "pplx-"));
        rules.add(token(
                "grafana-token",
                "Grafana API key, cloud or service account token",
                "\\b(eyJrIjoi[A-Za-z0-9]{70,400}={0,3}|glc_[A-Za-z0-9+/]{32,400}={0,3}"
                        + "|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})" + END,
                3.0,
                "eyjrijoi",
                "glc_",
                "glsa_"));
        rules.add(token(
                "new-relic-key",
                "New Relic key",
                "\\b((?:NRAK|NRJS|NRII)-[a-zA-Z0-9-]{19,32})" + END,
                3.0,
                "nrak-",
                "nrjs-",
                "nrii-"));
        rules.add(token(
                "dynatrace-token",
                "Dynatrace API token",
                "\\b(dt0c01\\.[a-z0-9]{24}\\.[a-z0-9]{64})\\b",
                3.0,
                "dt0c01."));
        rules.add(token(
                "sentry-token",
                "Sentry token",
                "\\b(sntrys_eyJpYXQiO[a-zA-Z0-9+/]{10,200}"
                        + "(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[a-zA-Z0-9+/]{10,200}={0,2}_[a-zA-Z0-9+/]{43}"
                        + "|sntryu_[a-f0-9]{64})" + END,
                3.0,
                "sntrys_",
                "sntryu_"));
        rules.add(token("postman-api-key", "Postman API key", "\\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\\b", 3.0, "pmak-"));
        rules.add(
                token("databricks-token", "Databricks access token", "\\b(dapi[a-f0-9]{32}(?:-\\d)?)\\b", 3.0, "dapi"));
        rules.add(token(
                "planetscale-token",
                "PlanetScale password or token",
                "\\b(pscale_(?:pw|tkn|oauth)_[\\w=.-]{32,64})" + END,
                3.0,
                "pscale_"));
        rules.add(token(
                "fly-io-token",
                "Fly.io access token",
                "\\b((?:fo1_[\\w-]{43}|fm1[ar]_[a-zA-Z0-9+/]{100,}={0,3}|fm2_[a-zA-Z0-9+/]{100,}={0,3}))" + END,
                3.0,
                "fo1_",
                "fm1a_",
                "fm1r_",
                "fm2_"));
        rules.add(token("prefect-token", "Prefect API token", "\\b(pnu_[a-zA-Z0-9]{36})" + END, 3.0, "pnu_"));
        rules.add(token("readme-api-token", "ReadMe API token", "\\b(rdme_[a-z0-9]{70})" + END, 3.0, "rdme_"));
        rules.add(token(
                "sourcegraph-token",
                "Sourcegraph access token",
                "\\b(sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40})\\b",
                3.0,
                "sgp_"));
        rules.add(token(
                "infracost-api-token", "Infracost API token", "(?<![\\w.])(ico-[a-zA-Z0-9]{32})\\b", 3.0, "ico-"));
        rules.add(token(
                "onepassword-token",
                "1Password secret key or service account token",
                "\\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}"
                        + "|ops_eyJ[a-zA-Z0-9+/]{250,}={0,3})",
                3.0,
                "a3-",
                "ops_eyj"));
        rules.add(token(
                "age-secret-key",
                "age encryption secret key",
                "(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})",
                0,
                "age-secret-key-1"));
        rules.add(token(
                "settlemint-token",
                "SettleMint access token",
                "\\b(sm_(?:aat|pat|sat)_[a-zA-Z0-9]{16})" + END,
                3.0,
                "sm_aat_",
                "sm_pat_",
                "sm_sat_"));
        rules.add(token(
                "harness-api-key",
                "Harness API key or token",
                "\\b((?:pat|sat)\\.[a-zA-Z0-9_-]{22}\\.[a-zA-Z0-9]{24}\\.[a-zA-Z0-9]{20})\\b",
                3.0,
                "pat.",
                "sat."));
        rules.add(token("scalingo-token", "Scalingo API token", "\\b(tk-us-[\\w-]{48})\\b", 3.0, "tk-us-"));
        rules.add(token(
                "duffel-token", "Duffel API token", "\\b(duffel_(?:test|live)_[\\w=-]{43})" + END, 3.0, "duffel_"));
        rules.add(token("frameio-token", "Frame.io API token", "\\b(fio-u-[\\w=-]{64})" + END, 3.0, "fio-u-"));
        rules.add(token("typeform-token", "Typeform API token", "\\b(tfp_[a-z0-9_.=-]{59})" + END, 3.0, "tfp_"));
        rules.add(token(
                "shippo-token", "Shippo API token", "\\b(shippo_(?:live|test)_[a-fA-F0-9]{40})\\b", 3.0, "shippo_"));
        rules.add(token(
                "authress-key",
                "Authress service client access key",
                "\\b((?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\\.[a-z0-9]{4,6}\\.acc[_-][a-z0-9-]{10,32}"
                        + "\\.[a-z0-9+/_=-]{30,120})" + END,
                3.0,
                "sc_",
                "ext_",
                "scauth_",
                "authress_"));
        rules.add(token(
                "defined-networking-token",
                "Defined Networking API token",
                "\\b(dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52})" + END,
                3.0,
                "dnkey-"));
        rules.add(token("openshift-token", "OpenShift user token", "\\b(sha256~[\\w-]{43})" + END, 3.0, "sha256~"));
        rules.add(token(
                "facebook-token",
                "Facebook / Meta access token",
                "\\b(EAA[MC][a-zA-Z0-9]{100,})" + END,
                3.0,
                "eaam",
                "eaac"));
        rules.add(token(
                "intra42-client-secret",
                "42 intranet client secret",
                "\\b(s-s4t2(?:ud|af)-[a-f0-9]{64})\\b",
                3.0,
                "s-s4t2"));
        rules.add(token(
                "cloudflare-origin-ca-key",
                "Cloudflare origin CA key",
                "\\b(v1\\.0-[a-f0-9]{24}-[a-f0-9]{146})\\b",
                3.0,
                "v1.0-"));
        // any assignment syntax, also an XML element whose value is on the next line
        rules.add(token(
                        "sidekiq-secret",
                        "Sidekiq Enterprise / Pro credentials",
                        "(?i)contribsys__com[ \\t\\w.-]{0,25}?(?:" + ASSIGN + "|>[ \\t]*(?:\\r?\\n[ \\t]*)?)"
                                + "([a-f0-9]{8}:[a-f0-9]{8})" + END,
                        0,
                        "contribsys__com")
                .spanningLines());
        // Services whose keys have no prefix: recognised by the name they are assigned to
        rules.add(named(
                "sonar-named-token",
                "SonarQube / SonarCloud token (named)",
                "sonar",
                "(?:sq[upa]_)?[a-zA-Z0-9=_-]{40}",
                3.0));
        rules.add(named(
                "sumologic-access-id",
                "Sumo Logic access ID",
                "sumo(?:logic)?(?-i:(?![a-z]))", // sumoToken, sumo_key, not sumotori
                "su[a-zA-Z0-9]{12}",
                3.0,
                "sumo"));
        rules.add(named(
                "messagebird-key",
                "MessageBird API key or client ID",
                "message[_-]?bird",
                "[a-zA-Z0-9-]{25,36}",
                3.0,
                "messagebird",
                "message_bird",
                "message-bird"));
        rules.add(named(
                "discord-credential", "Discord client ID or secret", "discord", "\\d{17,20}|[a-zA-Z0-9=_-]{32}", 2.0));
        rules.add(named("asana-credential", "Asana client ID or secret", "asana", "\\d{16}|[a-z0-9]{32}", 2.0));
        rules.add(named(
                "linkedin-credential",
                "LinkedIn client ID or secret",
                "linked[_-]?in",
                "[a-z0-9]{14}|[a-z0-9]{16}",
                2.5,
                "linkedin",
                "linked_in",
                "linked-in"));
        rules.add(named(
                "adobe-credential", "Adobe client ID or secret", "adobe", "[a-f0-9]{32}|p8e-[a-zA-Z0-9]{32}", 2.0));
        rules.add(named(
                "jfrog-credential",
                "JFrog / Artifactory API key or identity token",
                "(?:jfrog|artifactory|bintray|xray)",
                "[a-z0-9]{64,73}",
                3.0,
                "jfrog",
                "artifactory",
                "bintray",
                "xray"));
        rules.add(named(
                "sourcegraph-named-token", "Sourcegraph access token (named)", "sourcegraph", "[a-fA-F0-9]{40}", 3.0));
        rules.add(token(
                "facebook-app-token",
                "Facebook app access token",
                "(?i)facebook[\\w. \"':=]{0,25}?(\\d{15,16}(?:\\||%7C)[0-9a-z_-]{27,40})" + END,
                3.0,
                "facebook"));
        rules.add(token(
                "twitter-bearer-token",
                "Twitter / X bearer token",
                "(A{22}[a-zA-Z0-9%]{80,100})" + END,
                3.0,
                "a".repeat(22)));
        // Rules for one kind of file
        rules.add(token(
                        "kubernetes-secret-data",
                        "Kubernetes Secret manifest with data",
                        "data:[ \\t]*\\r?\\n(?:[ \\t]*#[^\\n]*\\r?\\n)*[ \\t]+[\\w.-]+:[ \\t]*"
                                + "(?:[|>][-+]?[ \\t]*\\r?\\n[ \\t]+)?['\"]?([A-Za-z0-9+/]{8,}={0,2})['\"]?[ \\t]*(?:\\r?\\n|$)",
                        3.0,
                        "data:")
                .spanningLines()
                .scoped(null, Pattern.compile("(?im)^[ \\t]*kind:[ \\t]*['\"]?secret['\"]?[ \\t]*$")));
        rules.add(token(
                        "nuget-config-password",
                        "Clear-text password in a NuGet configuration",
                        "(?i)<add key=\"(?:ClearText)?Password\"\\s+value=\"([^\"]{8,})\"",
                        1.0,
                        "<add key=")
                .scoped(Pattern.compile("(?:^|/)[Nn]u(?i:get\\.config)$"), null));
        rules.add(token(
                        "terraform-password",
                        "Password literal in Terraform / HCL",
                        "(?i)password[\\w.-]{0,20}[ \\t]*=[ \\t]*\"([^\"$\\s]{8,64})\"",
                        0,
                        "password")
                .scoped(Pattern.compile("(?i)\\.(?:tf|hcl|tfvars)$"), null));
        // Keys, JWTs and credentials in URLs and commands
        rules.add(new SecretRule(
                "private-key",
                "Private key block",
                Pattern.compile("-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----"
                        + "(?:\\\\[rn]|\\s)*+[A-Za-z0-9+/=:,\\-\\s\\\\]{64,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY"),
                List.of("-----begin"),
                0,
                0,
                List.of(),
                List.of(),
                false,
                false,
                true,
                null,
                null));
        rules.add(token(
                "jwt",
                "JSON Web Token (also unsigned)",
                "\\b(ey[a-zA-Z0-9]{17,}\\.ey[a-zA-Z0-9/\\\\_-]{17,}\\.(?:[a-zA-Z0-9/\\\\_-]{10,}={0,2})?)" + END,
                3.0,
                "eyj"));
        // a JWT encoded once more in base64 (Kubernetes Secret data, CI variables): base64 of "eyJ" is "ZXlK", so the
        // value is base64 of base64 JSON, which in practice is a token; long enough for a header and a payload
        rules.add(token(
                "jwt-base64",
                "JSON Web Token encoded in base64",
                "\\b(ZXlK[A-Za-z0-9+/]{60,}={0,2})" + END,
                3.0,
                "zxlk"));
        rules.add(new SecretRule(
                "url-credentials",
                "Credentials embedded in a URL",
                Pattern.compile("(?<=[a-z][a-z0-9+.-]{0,20})://[^/\\s:@\"'$<>{}]{2,}:([^/\\s:@\"'$<>{}\\[\\]]{5,})@"
                        + "[a-z0-9.-]+"),
                List.of("://"),
                1,
                2.0,
                List.of(TRIVIAL_PASSWORD),
                List.of(),
                true,
                false,
                false,
                null,
                null));
        rules.add(new SecretRule(
                "curl-auth",
                "Credentials passed to curl (-u user:password or an Authorization / API key header)",
                Pattern.compile("(?i)curl\\b" + CURL_ARGUMENTS + "(?:-u|--user)[ \\t]+[\"']?[^\\s:\"'$]*:[\"']?"
                        + "([^\\s\"'$\\[<{][^\\s\"']{5,})"
                        + "|(?i)curl\\b" + CURL_ARGUMENTS + "(?:-H|--header)[ \\t]+[\"']?(?:Authorization|"
                        + "[\\w-]*api-?key|api-token|[\\w-]*token)[ \\t]*:[ \\t]*(?:(?:Bearer|Basic|Token|Api-Token)"
                        + "[ \\t]+)?([\\w+/.~=-]{10,})"),
                List.of("curl"),
                SecretRule.FIRST_MATCHED_GROUP,
                3.0,
                List.of(TRIVIAL_PASSWORD),
                List.of(),
                true,
                false,
                true,
                null,
                null));
        rules.add(generic());
        return List.copyOf(rules);
    }

    /** {@code password = "..."}, {@code API_KEY: ...}, {@code <password>...</password>}, {@code token := ...}. */
    private static SecretRule generic() {
        // "api" only as a word part spelled Api/api/API, so that ultrAPIcture or rAPId do not start a match
        String keyword = "(?:access|auth|(?-i:[Aa]pi|API)|credential|creds|key|passw(?:or)?d|pwd|secret|token)";
        String regex = "(?i)" + keyword + "[ \\t\\w.-]{0,25}?(?:" + ASSIGN + "|>[ \\t]*(?:\\r?\\n[ \\t]*)?)"
                + "([\\w.=+/~-]{10,150})" + END;
        List<Pattern> identifiers = List.of(Pattern.compile("(?i)(?:access(?:ibility|or|ible)|access[_.-]?(?:id|"
                + "level|type|mode|log|control|list|rights?|scope)|random[_.-]?access|api[_.-]?(?:id|name|version|"
                + "group|url|uri|path|endpoint|base|host|port|level|docs?)|rapid(?!api)|capital|:jar:|author|auth[_.-]?"
                + "(?:type|mode|method|url|uri|source|provider|domain|header|scheme)|-auth\\w*:|authentication-results"
                + "|credentials?[_.-]?(?:id|url|uri|file|path|name|type|provider|version)|(?:key|token|secret|auth)[_.-]?version|withcredentials|"
                + "(?:bucket|foreign|hot|idx|natural|primary|pub(?:lic)?|schema|sequence|sort|partition|routing|"
                + "cache|ssh|gpg|signing)[_.-]?key|turkey|monkey|keying|donkey|key[_.-]?(?:alias|board|code|frame|"
                + "id|length|mesh|name|pair|press(?:ed)?|ring|selector|signature|size|stone|store|storetype|tab|factory|"
                + "generator|agreement|algorithm|algo|cipher|wrap|spec|manager|"
                + "word|up|down|left|right|type|format|file|path|vault|usage|spec|hash|event|map|set)|"
                + "issuer[_.-]?key|secret[_.-]?(?:name|length|size|ref|key[_.-]?ref|store|manager|type|path|file|"
                + "provider|mount)|usersecretsid|csrf[_.-]?token|xsrf|jsonwebtoken|(?:token|credentials|api)[_.-]?"
                + "(?:endpoint|ur[il]|file|type|path|expir\\w*|ttl|length|lifetime|validity|name|header|prefix)|"
                + "public[_.-]?token|token[_.-]?(?:count|limit|usage|ize|izer)|password[_.-]?(?:policy|length|"
                + "file|path|hash|reset|field|input|label|hint|min|max|rules?|strength|prompt|expir\\w*|"
                + "variable|env|ref)|auth[_.-]?token[_.-]?url|tokenfile)"));
        List<Pattern> values = List.of(
                Pattern.compile("^[^0-9]*$"), // a word, a constant name or a property path: no digit at all
                Pattern.compile("(?i)\\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|xml|txt|properties|conf|cfg|env|"
                        + "sh|py|js|ts|java|go|rb|php|html?|png|svg|gif|jpg|keytab|keystore)$"),
                Pattern.compile("^[\\d.]+$|^v?\\d+(?:\\.\\d+){1,3}(?:[-_.][\\w.]+)?$"), // numbers, versions
                Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-0{12}$"),
                Pattern.compile("(?i)^(?:org|com|net|io|java|javax|android|sun)\\.[\\w.]+$"), // class names
                Pattern.compile("^[a-z][a-z0-9]*(?:[._][a-z][a-z0-9_]*){2,}$"), // dotted or snake_case names
                VENDOR_PREFIXED);
        return new SecretRule(
                "generic-secret",
                "Password, secret, token or API key assigned a literal (any syntax: code, .env, YAML, INI, XML)",
                Pattern.compile(regex),
                List.of("access", "auth", "api", "credential", "creds", "key", "passw", "pwd", "secret", "token"),
                1,
                HEX_OR_RANDOM,
                values,
                identifiers,
                true,
                true,
                true,
                null,
                null);
    }

    /**
     * Values that start with the prefix of a token whose every form a vendor rule above defines (Databricks
     * {@code dapi}, Slack {@code xoxp-}, Anthropic {@code sk-ant-api03-}, GitHub, GitLab, npm, Hugging Face,
     * Perplexity, DigitalOcean, Shopify). Such a value is judged by its vendor's rule alone: the generic rule does not
     * report it, so a value with the prefix but not the format ({@code dapi} followed by letters beyond hex, a Slack
     * token without its numeric parts) is no finding, and a well-formed one is reported once, by name. Prefixes with
     * forms the vendor rule does not know (PyPI's test index tokens, other Anthropic key kinds) are not listed, so the
     * generic rule still reports those.
     */
    private static final Pattern VENDOR_PREFIXED = Pattern.compile(
            "^(?:dapi|xox[abeoprs]-|sk-ant-(?:api03|admin01)-|gh[pousr]_|github_pat_|glpat-|npm_|hf_|pplx-|do[opr]_v1_"
                    + "|shp(?:at|ss|ca|pa)_)");

    /**
     * Entropy floor of the generic rule: 3.5 bits per character like gitleaks, but 3.0 for hexadecimal values (a
     * 16-symbol alphabet tops out at 4 bits: a random 32-digit hex key has about 3.7, too close to 3.5).
     */
    private static final double HEX_OR_RANDOM = SecretRule.HEX_AWARE_GENERIC_ENTROPY;

    /**
     * A key without a prefix, assigned to a name containing {@code identifier} (a regex), e.g. {@code SONAR_TOKEN}, or
     * held by an XML element so named.
     */
    private static SecretRule named(
            String id, String description, String identifier, String secret, double entropy, String... keywords) {
        String[] literals = keywords.length > 0 ? keywords : new String[] {identifier};
        return token(
                id,
                description,
                // an assignment, or an XML element holding the value on the same line (<sumoToken>...</sumoToken>)
                "(?i)" + identifier + "[ \\t\\w.-]{0,25}?(?:" + ASSIGN + "|>[ \\t]*)(" + secret + ")" + END,
                entropy,
                literals);
    }

    private static SecretRule token(String id, String description, String regex, double entropy, String... keywords) {
        Pattern pattern = Pattern.compile(regex);
        return new SecretRule(
                id,
                description,
                pattern,
                Arrays.asList(keywords),
                pattern.matcher("").groupCount() > 0 ? 1 : 0,
                entropy,
                List.of(),
                List.of(),
                true,
                false,
                false,
                null,
                null);
    }

    private static SecretRule plain(String id, String description, String regex, String... keywords) {
        return new SecretRule(
                id,
                description,
                Pattern.compile(regex),
                Arrays.asList(keywords),
                0,
                0,
                List.of(),
                List.of(),
                false,
                false,
                false,
                null,
                null);
    }
}
