package dev.routeplan.app.cli;

import dev.routeplan.app.privacy.CustomerErasure;
import dev.routeplan.planning.domain.IndianMobile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code routeplan erase --phone N}: a customer's erasure request, answered from the command line. */
@Command(name = "erase", sortOptions = false, description = {
        "Erase a customer, found by their phone number: name, phone and address in",
        "the database and in the staged order files, the published files of each date",
        "they were on (published again, earlier revisions deleted). Audited (ERASE)",
        "with the number's last four digits. Asking again finishes a cut-off erasure",
        "and otherwise changes nothing. The sender's own files (inbox, SFTP) and copies",
        "already delivered are not routeplan's to erase."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class EraseCommand extends Subcommand {

    @Option(names = "--phone", required = true, paramLabel = "NUMBER",
            description = "An Indian mobile number, as +91XXXXXXXXXX, 0XXXXXXXXXX or ten digits.")
    String phone;

    EraseCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        if (IndianMobile.normalise(phone).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--phone is not an Indian mobile number");
        }
        CustomerErasure.Erased erased = invocation.inApplication(app -> app.getBean(CustomerErasure.class)
                .erase(phone, System.getProperty("user.name")));
        if (erased.dates().isEmpty()) {
            invocation.out().println("nothing held of the customer with phone " + erased.maskedPhone());
            return ExitStatus.OK;
        }
        invocation.out().println("erased the customer with phone " + erased.maskedPhone() + ": " + erased.orders()
                + " orders and " + erased.rejects() + " rejected rows on " + erased.dates().size() + " dates");
        for (var date : erased.dates()) {
            invocation.out().println("  " + date.planDate() + "  " + date.orders() + " orders, " + date.rejects()
                    + " rejected rows" + (date.depots().isEmpty() ? "" : ", depots " + String.join(" ", date.depots())));
        }
        invocation.out().println(erased.stagedRows() + " rows of staged order files, " + erased.republished()
                + " dates published again, " + erased.keptFilesDeleted() + " files of earlier revisions deleted");
        return ExitStatus.OK;
    }
}
